import { type Query, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApiClient } from '../../api/api-context';
import { unwrapEmpty, unwrapJson } from '../../api/api-error';
import type { Lesson, LessonMedia, LessonState } from '../../api/client';

/** Query keys of lessons, their media URLs and their unfinished uploads. */
export const lessonKeys = {
  all: ['lessons'] as const,
  list: () => [...lessonKeys.all, 'list'] as const,
  detail: (id: string) => [...lessonKeys.all, 'detail', id] as const,
  media: (id: string) => [...lessonKeys.all, 'media', id] as const,
  upload: (id: string) => [...lessonKeys.all, 'upload', id] as const,
};

/** How often a lesson on its way (uploading, processing) is asked for again. */
export const BUSY_POLL_MS = 1500;
/** Signed media URLs live five minutes: ask for fresh ones this long before they expire. */
const MEDIA_REFRESH_MARGIN_MS = 45_000;

/** States in which the lesson changes on the server without anyone here doing anything. */
export function isBusy(state: LessonState): boolean {
  return state === 'uploading' || state === 'processing';
}

/** States with a video to watch. */
export function hasVideo(state: LessonState): boolean {
  return state === 'ready' || state === 'not_processed';
}

/**
 * How often a list asks again: often while a lesson processes (minutes at most), seldom for
 * an unfinished upload (it may sit for a day until the teacher comes back to it).
 */
const LIST_UPLOADING_POLL_MS = 15_000;

/** The viewer's lessons: a teacher's own, a coach's caseload's. Polled while any is busy. */
export function useLessons() {
  const client = useApiClient();
  return useQuery({
    queryKey: lessonKeys.list(),
    queryFn: async () => (await unwrapJson(client.lessons.$get({ query: {} }))).items,
    staleTime: 0,
    refetchInterval: (query: Query<Lesson[]>) => {
      const states = new Set(query.state.data?.map((lesson) => lesson.state));
      if (states.has('processing')) return BUSY_POLL_MS;
      return states.has('uploading') ? LIST_UPLOADING_POLL_MS : false;
    },
  });
}

/** One lesson, polled while it uploads or processes so its state updates on its own. */
export function useLesson(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: lessonKeys.detail(id),
    queryFn: () => unwrapJson(client.lessons[':id'].$get({ param: { id } })),
    staleTime: 0,
    refetchInterval: (query: Query<Lesson>) =>
      query.state.data && isBusy(query.state.data.state) ? BUSY_POLL_MS : false,
  });
}

/**
 * The lesson's short-lived media URLs, asked for again shortly before they expire so a page
 * left open keeps working. Each answer is an audited opening of the lesson's media.
 */
export function useLessonMedia(id: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: lessonKeys.media(id),
    queryFn: () => unwrapJson(client.lessons[':id'].media.$get({ param: { id } })),
    enabled,
    staleTime: (query: Query<LessonMedia>) => refreshInMs(query.state.data),
    refetchInterval: (query: Query<LessonMedia>) =>
      query.state.data ? refreshInMs(query.state.data) : false,
  });
}

function refreshInMs(media: LessonMedia | undefined): number {
  if (!media) return 0;
  return Math.max(5_000, Date.parse(media.expiresAt) - Date.now() - MEDIA_REFRESH_MARGIN_MS);
}

/** The half-done upload the API holds for this lesson (the teacher's own), or null. */
export function usePendingUpload(id: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: lessonKeys.upload(id),
    queryFn: async () =>
      (await unwrapJson(client.lessons[':id'].upload.$get({ param: { id } }))).upload,
    enabled,
    staleTime: 0,
  });
}

export type NewLesson = {
  title: string;
  taughtOn: string;
  grade: string;
  topic: string;
  focusCodeIds: string[];
  consent: true;
};

export function useCreateLesson() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLesson) => unwrapJson(client.lessons.$post({ json: input })),
    onSuccess: (lesson) => {
      queryClient.setQueryData(lessonKeys.detail(lesson.id), lesson);
      return queryClient.invalidateQueries({ queryKey: lessonKeys.list() });
    },
  });
}

/** Deletes a lesson with its files, clips and annotations. */
export function useDeleteLesson() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrapEmpty(client.lessons[':id'].$delete({ param: { id } }));
      return id;
    },
    onSuccess: (id) => {
      queryClient.removeQueries({ queryKey: lessonKeys.detail(id) });
      queryClient.removeQueries({ queryKey: lessonKeys.media(id) });
      queryClient.removeQueries({ queryKey: lessonKeys.upload(id) });
      return queryClient.invalidateQueries({ queryKey: lessonKeys.list() });
    },
  });
}

/** Asks again for everything about one lesson after an upload changed it. */
export function useRefreshLesson() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: lessonKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: lessonKeys.upload(id) }),
        queryClient.invalidateQueries({ queryKey: lessonKeys.list() }),
      ]),
    [queryClient],
  );
}
