import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { unwrapJson, unwrapUntypedJson } from '../../api/api-error';
import { reviewKeys } from './review.queries';
import type { AnnotationInput, ClipInput, ClipPosition, Timeline } from './review.types';

/*
 * Every change to a lesson's review. Each success refreshes the timeline (clips and
 * annotations come back together) and, where it matters, the watched summary.
 */

function useRefresh(lessonId: string) {
  const queryClient = useQueryClient();
  return (...keys: Array<'timeline' | 'transcript' | 'watched'>) =>
    Promise.all(
      keys.map((key) => queryClient.invalidateQueries({ queryKey: reviewKeys[key](lessonId) })),
    );
}

export function useSaveClip(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: ({ position, input }: { position: ClipPosition; input: ClipInput }) =>
      unwrapJson(
        client.lessons[':id'].clips[':position'].$put({
          param: { id: lessonId, position: String(position) },
          json: input,
        }),
      ),
    onSuccess: () => refresh('timeline', 'watched'),
  });
}

export function useDeleteClip(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: (position: ClipPosition) =>
      unwrapUntypedJson<unknown>(
        client.lessons[':id'].clips[':position'].$delete({
          param: { id: lessonId, position: String(position) },
        }),
      ),
    onSuccess: () => refresh('timeline', 'watched'),
  });
}

/** Creates a note (no id) or replaces the viewer's own note (with its id). */
export function useSaveAnnotation(lessonId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: AnnotationInput }) =>
      id
        ? unwrapJson(client.annotations[':id'].$patch({ param: { id }, json: input }))
        : unwrapJson(
            client.lessons[':id'].annotations.$post({ param: { id: lessonId }, json: input }),
          ),
    // The answer is the saved note: put it in place at once, then confirm with the server.
    onSuccess: (saved) => {
      queryClient.setQueryData<Timeline>(reviewKeys.timeline(lessonId), (old) =>
        old ? { ...old, annotations: upsert(old.annotations, saved) } : old,
      );
      return queryClient.invalidateQueries({ queryKey: reviewKeys.timeline(lessonId) });
    },
  });
}

function upsert<T extends { id: string; startMs: number }>(items: readonly T[], item: T): T[] {
  const rest = items.filter((existing) => existing.id !== item.id);
  return [...rest, item].sort((a, b) => a.startMs - b.startMs);
}

export function useDeleteAnnotation(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: (id: string) =>
      unwrapUntypedJson<unknown>(client.annotations[':id'].$delete({ param: { id } })),
    onSuccess: () => refresh('timeline'),
  });
}

/** Replies: new on an annotation (`annotationId`), or an edit of the viewer's own (`replyId`). */
export function useSaveReply(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: (
      target: { annotationId: string; body: string } | { replyId: string; body: string },
    ) =>
      'annotationId' in target
        ? unwrapJson(
            client.annotations[':id'].replies.$post({
              param: { id: target.annotationId },
              json: { body: target.body },
            }),
          )
        : unwrapJson(
            client.replies[':id'].$patch({
              param: { id: target.replyId },
              json: { body: target.body },
            }),
          ),
    onSuccess: () => refresh('timeline'),
  });
}

export function useDeleteReply(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: (replyId: string) =>
      unwrapUntypedJson<unknown>(client.replies[':id'].$delete({ param: { id: replyId } })),
    onSuccess: () => refresh('timeline'),
  });
}

/** WebVTT or SRT text: the API reads either; the content type tells it which. */
export function useUploadTranscript(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: async (file: File) => {
      const text = await file.text();
      const isSrt = /\.srt$/i.test(file.name) || file.type === 'application/x-subrip';
      return unwrapJson(
        client.lessons[':id'].transcript.$put(
          { param: { id: lessonId } },
          {
            init: {
              body: text,
              headers: { 'content-type': isSrt ? 'application/x-subrip' : 'text/vtt' },
            },
          },
        ),
      );
    },
    onSuccess: () => refresh('transcript'),
  });
}

export function useDeleteTranscript(lessonId: string) {
  const client = useApiClient();
  const refresh = useRefresh(lessonId);
  return useMutation({
    mutationFn: () =>
      unwrapUntypedJson<unknown>(
        client.lessons[':id'].transcript.$delete({ param: { id: lessonId } }),
      ),
    onSuccess: () => refresh('transcript'),
  });
}
