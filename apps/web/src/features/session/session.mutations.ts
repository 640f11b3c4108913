import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { ApiError } from '../../api/api-error';
import { type SignInInput, signIn, signOut } from './auth.api';
import { endSession, fetchMe, replaceSession } from './session.queries';

/**
 * Signs in, then loads the new viewer and forgets anything cached for a previous one.
 * Pages react to the session changing (the sign-in page sends the user on).
 */
export function useSignIn() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => {
      await signIn(client, input);
      const me = await fetchMe(client);
      if (!me.user) throw new Error('signed in, but the API does not know the session');
      return me;
    },
    onSuccess: (me) => replaceSession(queryClient, me),
  });
}

/** Ends the session on the server, then everywhere in the app. */
export function useSignOut() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await signOut(client);
      } catch (error) {
        // Already signed out (expired, deactivated): the outcome the user wanted.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => endSession(queryClient, 'signed-out'),
  });
}
