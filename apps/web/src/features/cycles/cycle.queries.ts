import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { useApiClient } from '../../api/api-context';
import { unwrapEmpty, unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';

/** A cycle as the API sends it: the record, its stage, readiness and lesson. */
export type Cycle = InferResponseType<ApiClient['cycles'][':id']['$get'], 200>;
export type Stage = Cycle['stage'];
export type CycleUpdate = InferRequestType<ApiClient['cycles'][':id']['$patch']>['json'];
export type OpenCycle = InferRequestType<ApiClient['cycles']['$post']>['json'];

export const cycleKeys = {
  all: ['cycles'] as const,
  list: (teacherId?: string) => [...cycleKeys.all, 'list', teacherId ?? 'all'] as const,
  detail: (id: string) => [...cycleKeys.all, 'detail', id] as const,
};

export const STAGE_LABELS: Record<Stage, string> = {
  awaiting_video: 'Awaiting video',
  coach_preparing: 'Coach preparing',
  assigned: 'Assigned',
  teacher_ready: 'Teacher ready',
  conversation_held: 'Conversation held',
  log_complete: 'Log complete',
};
export const STAGE_ORDER = Object.keys(STAGE_LABELS) as Stage[];

/** The cycles the viewer may see (a teacher's own, a coach's caseload's), or one teacher's. */
export function useCycles(teacherId?: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: cycleKeys.list(teacherId),
    queryFn: async () =>
      (await unwrapJson(client.cycles.$get({ query: teacherId ? { teacherId } : {} }))).items,
  });
}

export function useCycle(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: cycleKeys.detail(id),
    queryFn: () => unwrapJson(client.cycles[':id'].$get({ param: { id } })),
  });
}

export function useOpenCycle() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: OpenCycle) => unwrapJson(client.cycles.$post({ json })),
    onSuccess: (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(cycle.id), cycle);
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
    },
  });
}

export function useUpdateCycle(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: CycleUpdate) =>
      unwrapJson(client.cycles[':id'].$patch({ param: { id }, json })),
    onSuccess: (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(id), cycle);
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
    },
  });
}

export function useDeleteCycle(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapEmpty(client.cycles[':id'].$delete({ param: { id } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
