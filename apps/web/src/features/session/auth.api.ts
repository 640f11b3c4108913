import { unwrapUntypedJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';

/*
 * The auth endpoints are the auth library's, passed through by the API, so the API's route
 * types say nothing about their bodies: the shapes the web app relies on are written here.
 */

export type SignInInput = { email: string; password: string };
export type SignInResult = { user: { id: string; email: string; name: string } };

export function signIn(client: ApiClient, input: SignInInput) {
  return unwrapUntypedJson<SignInResult>(client.auth['sign-in'].email.$post({ json: input }));
}

export function signOut(client: ApiClient) {
  return unwrapUntypedJson<{ success?: boolean }>(client.auth['sign-out'].$post({ json: {} }));
}

/** Always answers 200, whether or not the address has an account (no account probing). */
export function requestPasswordReset(client: ApiClient, email: string) {
  return unwrapUntypedJson<{ status?: boolean }>(
    client.auth['request-password-reset'].$post({
      json: { email, redirectTo: '/reset-password' },
    }),
  );
}

export function resetPassword(client: ApiClient, input: { token: string; newPassword: string }) {
  return unwrapUntypedJson<{ status?: boolean }>(
    client.auth['reset-password'].$post({ json: input }),
  );
}

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
  revokeOtherSessions: boolean;
};

export function changePassword(client: ApiClient, input: ChangePasswordInput) {
  return unwrapUntypedJson<unknown>(client.auth['change-password'].$post({ json: input }));
}
