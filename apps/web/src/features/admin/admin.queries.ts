import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { unwrapJson } from '../../api/api-error';
import type { AuditEvent, Role } from '../../api/client';
import { caseloadKeys } from '../caseload/caseload.queries';

/** Query keys of the program's people, caseloads, outbox and audit trail. */
export const adminKeys = {
  users: ['users'] as const,
  outbox: ['outbox'] as const,
  audit: (filter: AuditFilter) => ['audit', filter] as const,
};

export const OUTBOX_LIMIT = 100;
export const AUDIT_PAGE = 50;

/** Everyone in the program, invited and deactivated included (admins only). */
export function useUsers() {
  const client = useApiClient();
  return useQuery({
    queryKey: adminKeys.users,
    queryFn: async () => (await unwrapJson(client.users.$get())).items,
    // Other admins and invitees change this list: refresh it whenever a page shows it.
    staleTime: 0,
  });
}

export function useOutbox() {
  const client = useApiClient();
  return useQuery({
    queryKey: adminKeys.outbox,
    queryFn: async () =>
      (await unwrapJson(client.outbox.$get({ query: { limit: String(OUTBOX_LIMIT) } }))).items,
    // New invitations land here from another page; show them without a manual reload.
    staleTime: 0,
  });
}

export type AuditFilter = { userId?: string; lessonId?: string };

/** The audit trail, newest first, a page at a time; each older page starts before the last. */
export function useAuditTrail(filter: AuditFilter) {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await unwrapJson(
          client.audit.$get({
            query: {
              limit: String(AUDIT_PAGE),
              ...(filter.userId ? { userId: filter.userId } : {}),
              ...(filter.lessonId ? { lessonId: filter.lessonId } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          }),
        )
      ).items,
    getNextPageParam: (last: AuditEvent[]) =>
      last.length < AUDIT_PAGE ? undefined : last.at(-1)?.at,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Refreshes what a change to people or caseloads affects, wherever it is shown. */
function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      queryClient.invalidateQueries({ queryKey: caseloadKeys.all }),
      queryClient.invalidateQueries({ queryKey: adminKeys.outbox }),
    ]);
}

export function useInvite() {
  const client = useApiClient();
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: { email: string; name: string; role: Role }) =>
      unwrapJson(client.users.$post({ json: input })),
    onSuccess: invalidate,
  });
}

export function useChangeRole() {
  const client = useApiClient();
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      unwrapJson(client.users[':id'].$patch({ param: { id }, json: { role } })),
    onSuccess: invalidate,
  });
}

export type AccountAction = 'deactivate' | 'reactivate' | 'resend-invitation';

/** Deactivates, reactivates or re-invites one user. */
export function useAccountAction() {
  const client = useApiClient();
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: AccountAction }): Promise<void> => {
      const user = client.users[':id'];
      const param = { param: { id } };
      if (action === 'deactivate') await unwrapJson(user.deactivate.$post(param));
      else if (action === 'reactivate') await unwrapJson(user.reactivate.$post(param));
      else await unwrapJson(user['resend-invitation'].$post(param));
    },
    onSuccess: invalidate,
  });
}

export function useAssignCoach() {
  const client = useApiClient();
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ teacherId, coachId }: { teacherId: string; coachId: string | null }) =>
      unwrapJson(client.caseloads[':teacherId'].$put({ param: { teacherId }, json: { coachId } })),
    onSuccess: invalidate,
  });
}
