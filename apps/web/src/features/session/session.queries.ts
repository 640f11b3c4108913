import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { ApiError, unwrapJson } from '../../api/api-error';
import type { ApiClient, Me } from '../../api/client';

/** Why nobody is signed in: never was, chose to sign out, or the session ended under them. */
export type SignedOutReason = 'none' | 'signed-out' | 'expired';

/** `/api/me` as the app sees it: the viewer, or nobody (and why). */
export type MeState = Me | { user: null; program: null; reason: SignedOutReason };

export const sessionKeys = {
  me: ['session', 'me'] as const,
};

/**
 * Queries under this first key answer the same whoever asks (an invitation's summary), so
 * they survive a change of viewer; everything else is dropped when the viewer changes.
 */
export const PUBLIC_QUERY_ROOT = 'public';

const signedOut = (reason: SignedOutReason): MeState => ({ user: null, program: null, reason });

/** Asks the API who is signed in: a 401 is an answer (nobody), not an error. */
export async function fetchMe(client: ApiClient): Promise<MeState> {
  try {
    return await unwrapJson(client.me.$get());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signedOut('none');
    throw error;
  }
}

export function meQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: sessionKeys.me,
    queryFn: () => fetchMe(client),
    // Sign-in, sign-out and profile changes write the answer themselves.
    staleTime: 5 * 60_000,
  });
}

/** Who is signed in (`data.user`), or `data.user === null` when nobody is. */
export function useMe() {
  return useQuery(meQueryOptions(useApiClient()));
}

/**
 * The signed-in viewer, for pages behind `RequireSignIn` (which renders them only once
 * there is one).
 */
export function useViewer(): Me {
  const { data } = useMe();
  if (!data?.user) throw new Error('useViewer is for pages behind RequireSignIn');
  return data;
}

/** Forgets everything the previous viewer loaded and records the new session state. */
export function replaceSession(queryClient: QueryClient, state: MeState): void {
  queryClient.removeQueries({
    predicate: ({ queryKey: [root] }) => root !== 'session' && root !== PUBLIC_QUERY_ROOT,
  });
  queryClient.setQueryData(sessionKeys.me, state);
}

/** Records a sign-out (`reason` says why), dropping the signed-in user's cached data. */
export function endSession(queryClient: QueryClient, reason: Exclude<SignedOutReason, 'none'>) {
  replaceSession(queryClient, signedOut(reason));
}

/**
 * Called for every failed query and mutation. A 401 `unauthenticated` means the session
 * ended (idle expiry, deactivation, sign-out elsewhere), so the guards send the user to sign
 * in again instead of each page showing its own error. A 403 `forbidden` means the role may
 * have changed since it was loaded, so the viewer is asked for again (navigation and guards
 * then follow the new role).
 */
export function handleSessionLoss(queryClient: QueryClient, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 403 && error.code === 'forbidden') {
    void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
    return;
  }
  if (error.status !== 401 || error.code !== 'unauthenticated') return;
  const current = queryClient.getQueryData<MeState>(sessionKeys.me);
  if (current?.user) endSession(queryClient, 'expired');
}
