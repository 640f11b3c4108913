import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { useApiClient } from '../../api/api-context';
import { ApiError, unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';
import { cycleKeys } from '../cycles/cycle.queries';

type CycleApi = ApiClient['cycles'][':id'];

/** The coach's planning notes with the cycle's clips, stock clip and goals beside them. */
export type Prep = InferResponseType<CycleApi['prep']['$get'], 200>;
export type PrepFields = Prep['fields'];
export type PrepFieldName = keyof PrepFields;
export type PrepClip = Prep['clips'][number];
/** The assignment: the coach's draft, or what was sent. */
export type Assignment = InferResponseType<CycleApi['assignment']['$get'], 200>;
export type AssignmentMessage = InferRequestType<CycleApi['assignment']['$post']>['json'];

export const coachingKeys = {
  prep: (cycleId: string) => ['coaching', cycleId, 'prep'] as const,
  assignment: (cycleId: string) => ['coaching', cycleId, 'assignment'] as const,
};

export function usePrep(cycleId: string, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: coachingKeys.prep(cycleId),
    queryFn: () => unwrapJson(client.cycles[':id'].prep.$get({ param: { id: cycleId } })),
    enabled,
    // The form owns the text once loaded: refetching must not replace what is being typed.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSavePrep(cycleId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: Partial<PrepFields>) =>
      unwrapJson(client.cycles[':id'].prep.$put({ param: { id: cycleId }, json: { fields } })),
    onSuccess: (saved) => queryClient.setQueryData(coachingKeys.prep(cycleId), saved),
  });
}

/**
 * The assignment, or null when there is none this viewer may see yet (a teacher before it
 * is sent: the API answers 404).
 */
export function useAssignment(cycleId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: coachingKeys.assignment(cycleId),
    queryFn: async () => {
      try {
        return await unwrapJson(client.cycles[':id'].assignment.$get({ param: { id: cycleId } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSendAssignment(cycleId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: AssignmentMessage) =>
      unwrapJson(client.cycles[':id'].assignment.$post({ param: { id: cycleId }, json })),
    onSuccess: (sent) => {
      queryClient.setQueryData(coachingKeys.assignment(cycleId), sent);
      // The stage moves to "assigned".
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
    },
  });
}
