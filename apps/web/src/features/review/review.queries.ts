import { type Query, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';
import type { ReviewMedia, Storyboard } from './review.types';

/** Query keys of one lesson's review, so every mutation knows what to refresh. */
export const reviewKeys = {
  all: (lessonId: string) => ['review', lessonId] as const,
  timeline: (lessonId: string) => [...reviewKeys.all(lessonId), 'timeline'] as const,
  transcript: (lessonId: string) => [...reviewKeys.all(lessonId), 'transcript'] as const,
  watched: (lessonId: string) => [...reviewKeys.all(lessonId), 'watched'] as const,
  media: (lessonId: string) => [...reviewKeys.all(lessonId), 'media'] as const,
};

/** The lesson, its two clips and the annotations this viewer may see (the API filters). */
export const timelineQuery = (client: ApiClient, lessonId: string) => ({
  queryKey: reviewKeys.timeline(lessonId),
  queryFn: () => unwrapJson(client.lessons[':id'].timeline.$get({ param: { id: lessonId } })),
  staleTime: 30_000,
});

export function useTimeline(lessonId: string) {
  return useQuery(timelineQuery(useApiClient(), lessonId));
}

export function useTranscript(lessonId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: reviewKeys.transcript(lessonId),
    queryFn: async () =>
      (await unwrapJson(client.lessons[':id'].transcript.$get({ param: { id: lessonId } })))
        .transcript,
    staleTime: 5 * 60_000,
  });
}

/** How much of each clip the lesson's teacher has watched (teacher and coach only). */
export function useWatchedSummary(lessonId: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: reviewKeys.watched(lessonId),
    queryFn: () => unwrapJson(client.lessons[':id'].watched.$get({ param: { id: lessonId } })),
    enabled,
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

/** Ask for fresh signed URLs this long before the current ones expire. */
const MEDIA_REFRESH_MARGIN_MS = 45_000;

/**
 * The lesson's short-lived media URLs (five minutes), fetched again before they expire so a
 * long review session keeps playing; the player also asks again on a video error.
 */
export const mediaQuery = (client: ApiClient, lessonId: string) => ({
  queryKey: reviewKeys.media(lessonId),
  queryFn: () => unwrapJson(client.lessons[':id'].media.$get({ param: { id: lessonId } })),
  staleTime: (query: Query<ReviewMedia>) => refreshInMs(query.state.data),
});

export function useReviewMedia(lessonId: string, enabled = true) {
  return useQuery({
    ...mediaQuery(useApiClient(), lessonId),
    enabled,
    refetchInterval: (query: Query<ReviewMedia>) =>
      query.state.data ? refreshInMs(query.state.data) : false,
  });
}

export function refreshInMs(media: ReviewMedia | undefined, now = Date.now()): number {
  if (!media) return 0;
  return Math.max(5_000, Date.parse(media.expiresAt) - now - MEDIA_REFRESH_MARGIN_MS);
}

/** The storyboard's sprite geometry, or null when the pipeline made none (or it is odd). */
export function storyboardOf(media: ReviewMedia | undefined): Storyboard | null {
  const raw = media?.storyboard as Record<string, unknown> | null | undefined;
  if (!raw || typeof raw.url !== 'string') return null;
  const numbers = ['intervalMs', 'tileWidth', 'tileHeight', 'columns', 'rows', 'count'] as const;
  if (!numbers.every((key) => typeof raw[key] === 'number' && (raw[key] as number) > 0)) {
    return null;
  }
  return raw as unknown as Storyboard;
}

/** Where the browser downloads the annotations as CSV, WebVTT or Web Annotation JSON-LD. */
export function exportUrl(client: ApiClient, lessonId: string, format: 'csv' | 'vtt' | 'jsonld') {
  const url = client.lessons[':id'].annotations.export[':format'].$url({
    param: { id: lessonId, format },
  });
  return url.pathname;
}
