import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { useApiClient } from '../../api/api-context';
import { toApiError, unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';
import { cycleKeys } from '../cycles/cycle.queries';

type LogApi = ApiClient['cycles'][':id']['log'];

/** The collaborative log as the API sends it: fields, version, who saved it last. */
export type LogView = InferResponseType<LogApi['$get'], 200>;
export type LogFields = LogView['fields'];
export type LogFieldName = keyof LogFields;
export type LogLink = LogFields['links'][number];
export type LinkableField = LogLink['field'];
/** The 409 answer to a save that met another's change: the current log and each clash. */
export type LogConflictBody = InferResponseType<LogApi['$put'], 409>;
export type LogConflict = LogConflictBody['conflicts'][number];
export type LogVersionSummary = InferResponseType<LogApi['versions']['$get'], 200>['items'][number];
export type Goal = InferResponseType<
  ApiClient['teachers'][':teacherId']['goals']['$get'],
  200
>['items'][number];
export type TeacherYear = InferResponseType<
  ApiClient['teachers'][':teacherId']['year']['$get'],
  200
>;

export const logKeys = {
  all: ['log'] as const,
  detail: (cycleId: string) => [...logKeys.all, cycleId] as const,
  versions: (cycleId: string) => [...logKeys.all, cycleId, 'versions'] as const,
  version: (cycleId: string, version: number) =>
    [...logKeys.all, cycleId, 'versions', version] as const,
};
export const goalKeys = {
  goals: (teacherId: string) => ['goals', teacherId] as const,
  year: (teacherId: string) => ['year', teacherId] as const,
};

/** Seconds between looks for the other person's saves while the log is open. */
const LOG_REFRESH_MS = 20_000;

export function useLog(cycleId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: logKeys.detail(cycleId),
    queryFn: () => unwrapJson(client.cycles[':id'].log.$get({ param: { id: cycleId } })),
    refetchInterval: (query) => (query.state.data?.completedAt ? false : LOG_REFRESH_MS),
  });
}

/** A save either lands (perhaps merged with another's) or comes back as a conflict to settle. */
export type SaveOutcome =
  | { kind: 'saved'; log: LogView; mergedFields: string[] }
  | { kind: 'conflict'; body: LogConflictBody };

export function useSaveLog(cycleId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { baseVersion: number; fields: LogFields }): Promise<SaveOutcome> => {
      const res = await client.cycles[':id'].log.$put({ param: { id: cycleId }, json: input });
      if (res.status === 409) {
        const body = (await res.json()) as LogConflictBody | { code: string };
        if (body.code === 'log_conflict')
          return { kind: 'conflict', body: body as LogConflictBody };
        throw await toApiError(new Response(JSON.stringify(body), { status: 409 }));
      }
      if (!res.ok) throw await toApiError(res);
      return {
        kind: 'saved',
        ...((await res.json()) as Omit<SaveOutcome & { kind: 'saved' }, 'kind'>),
      };
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'saved') queryClient.setQueryData(logKeys.detail(cycleId), outcome.log);
      else queryClient.setQueryData(logKeys.detail(cycleId), outcome.body.current);
      void queryClient.invalidateQueries({ queryKey: logKeys.versions(cycleId) });
      void queryClient.invalidateQueries({ queryKey: ['year'] });
    },
  });
}

/** Marks the log complete (the cycle with it) or reopens it. */
export function useLogCompletion(cycleId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'complete' | 'reopen') =>
      unwrapJson(
        action === 'complete'
          ? client.cycles[':id'].log.complete.$post({ param: { id: cycleId } })
          : client.cycles[':id'].log.reopen.$post({ param: { id: cycleId } }),
      ),
    onSuccess: (log) => {
      queryClient.setQueryData(logKeys.detail(cycleId), log);
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
      void queryClient.invalidateQueries({ queryKey: logKeys.versions(cycleId) });
      void queryClient.invalidateQueries({ queryKey: ['year'] });
    },
  });
}

export function useLogVersions(cycleId: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: logKeys.versions(cycleId),
    queryFn: async () =>
      (await unwrapJson(client.cycles[':id'].log.versions.$get({ param: { id: cycleId } }))).items,
    enabled,
  });
}

export function useLogVersion(cycleId: string, version: number | null) {
  const client = useApiClient();
  return useQuery({
    queryKey: logKeys.version(cycleId, version ?? 0),
    queryFn: () =>
      unwrapJson(
        client.cycles[':id'].log.versions[':version'].$get({
          param: { id: cycleId, version: String(version) },
        }),
      ),
    enabled: version !== null,
  });
}

export function useGoals(teacherId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: goalKeys.goals(teacherId),
    queryFn: async () =>
      (await unwrapJson(client.teachers[':teacherId'].goals.$get({ param: { teacherId } }))).items,
  });
}

export function useTeacherYear(teacherId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: goalKeys.year(teacherId),
    queryFn: () => unwrapJson(client.teachers[':teacherId'].year.$get({ param: { teacherId } })),
  });
}

/** Adding, changing (archive and replace) and removing goals; each refreshes sheet and year. */
export function useGoalMutations(teacherId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: goalKeys.goals(teacherId) });
    void queryClient.invalidateQueries({ queryKey: goalKeys.year(teacherId) });
  };
  return {
    add: useMutation({
      mutationFn: (json: { codeId: string; text: string }) =>
        unwrapJson(client.teachers[':teacherId'].goals.$post({ param: { teacherId }, json })),
      onSuccess,
    }),
    change: useMutation({
      mutationFn: ({ id, ...json }: { id: string; codeId?: string; text?: string }) =>
        unwrapJson(client.goals[':id'].$patch({ param: { id }, json })),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: async (id: string) => {
        const res = await client.goals[':id'].$delete({ param: { id } });
        if (!res.ok) throw await toApiError(res);
      },
      onSuccess,
    }),
  };
}
