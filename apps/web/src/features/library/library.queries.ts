import { type Query, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { useApiClient } from '../../api/api-context';
import { unwrapEmpty, unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';
import { cycleKeys } from '../cycles/cycle.queries';
import { BUSY_POLL_MS, isBusy } from '../lessons/lesson.queries';

type Clips = ApiClient['stock-clips'];
/** A library entry as listed (never with master scores). */
export type StockClip = InferResponseType<Clips['$get'], 200>['items'][number];
/** One clip, with master scores when the viewer may see them. */
export type StockClipDetail = InferResponseType<Clips[':id']['$get'], 200>;
export type MasterScore = NonNullable<StockClipDetail['masterScores']>[number];
export type StockClipInput = InferRequestType<Clips['$post']>['json'];
export type StockClipFilter = { q?: string; grade?: string; code?: string };
type Scores = ApiClient['cycles'][':id']['stock-scores'];
export type StockScores = InferResponseType<Scores['$get'], 200>;
export type ScoredCode = StockScores['codes'][number];
export type SaveScores = InferRequestType<Scores['$put']>['json'];
export type Calibration = InferResponseType<
  ApiClient['teachers'][':teacherId']['calibration']['$get'],
  200
>;

export const libraryKeys = {
  all: ['stock-clips'] as const,
  list: (filter: StockClipFilter) => [...libraryKeys.all, 'list', filter] as const,
  detail: (id: string) => [...libraryKeys.all, 'detail', id] as const,
  scores: (cycleId: string) => ['stock-scores', cycleId] as const,
  calibration: (teacherId: string) => ['calibration', teacherId] as const,
};

/** Drops empty filters, so "no filter" is one cache entry and one plain URL. */
function cleanFilter(filter: StockClipFilter): StockClipFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  );
}

export function useStockClips(filter: StockClipFilter = {}) {
  const client = useApiClient();
  const query = cleanFilter(filter);
  return useQuery({
    queryKey: libraryKeys.list(query),
    queryFn: async () => (await unwrapJson(client['stock-clips'].$get({ query }))).items,
    placeholderData: (previous) => previous,
  });
}

/** One clip; polled while its video uploads or processes, so its state updates on its own. */
export function useStockClip(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: libraryKeys.detail(id),
    queryFn: () => unwrapJson(client['stock-clips'][':id'].$get({ param: { id } })),
    refetchInterval: (query: Query<StockClipDetail>) => {
      const video = query.state.data?.video;
      return video && isBusy(video.state) ? BUSY_POLL_MS : false;
    },
  });
}

export function useCreateStockClip() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: StockClipInput) => unwrapJson(client['stock-clips'].$post({ json })),
    onSuccess: (clip) => {
      queryClient.setQueryData(libraryKeys.detail(clip.id), clip);
      return queryClient.invalidateQueries({ queryKey: libraryKeys.all });
    },
  });
}

export function useUpdateStockClip(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Partial<StockClipInput>) =>
      unwrapJson(client['stock-clips'][':id'].$patch({ param: { id }, json })),
    onSuccess: (clip) => {
      queryClient.setQueryData(libraryKeys.detail(id), clip);
      return queryClient.invalidateQueries({ queryKey: libraryKeys.all });
    },
  });
}

export function useDeleteStockClip(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapEmpty(client['stock-clips'][':id'].$delete({ param: { id } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: libraryKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: libraryKeys.all });
    },
  });
}

/** The lesson the clip's video is uploaded to (a new one replaces an earlier video). */
export function useStartStockVideo(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapJson(client['stock-clips'][':id'].video.$post({ param: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKeys.detail(id) }),
  });
}

export function useStockScores(cycleId: string, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: libraryKeys.scores(cycleId),
    queryFn: () =>
      unwrapJson(client.cycles[':id']['stock-scores'].$get({ param: { id: cycleId } })),
    enabled,
  });
}

export function useSaveStockScores(cycleId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: SaveScores) =>
      unwrapJson(client.cycles[':id']['stock-scores'].$put({ param: { id: cycleId }, json })),
    onSuccess: (scores) => {
      queryClient.setQueryData(libraryKeys.scores(cycleId), scores);
      // Submitting moves the cycle's readiness, and reveals the clip's master scores.
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
      void queryClient.invalidateQueries({ queryKey: libraryKeys.all });
      void queryClient.invalidateQueries({ queryKey: libraryKeys.calibration(scores.teacherId) });
    },
  });
}

export function useCalibration(teacherId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: libraryKeys.calibration(teacherId),
    queryFn: () =>
      unwrapJson(client.teachers[':teacherId'].calibration.$get({ param: { teacherId } })),
  });
}
