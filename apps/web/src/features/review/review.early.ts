import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client';
import { mediaQuery, timelineQuery } from './review.queries';
import { ClipViewPage, ReviewPage } from './review.routes';

const REVIEW_PATH = /^\/lessons\/([^/]+)\/(review|clips\/[12])\/?$/;

/**
 * Opening a review or a clip view by its address (a link in an email, a reload): its first
 * frame waits for the page's code, the timeline, the media URLs and the player's code. Ask
 * for all of them at once, beside the app's session check, instead of after it. Anyone not
 * signed in gets 401s here, which send them to sign in as the session check would.
 */
export function startReviewEarly(
  pathname: string,
  queryClient: QueryClient,
  client: ApiClient,
): Promise<unknown> | null {
  const match = REVIEW_PATH.exec(pathname);
  const lessonId = match?.[1] && decodeURIComponent(match[1]);
  if (!lessonId) return null;
  void queryClient.prefetchQuery(timelineQuery(client, lessonId));
  void queryClient.prefetchQuery(mediaQuery(client, lessonId));
  // The code, returned so a caller can wait for it (the data goes to the query cache).
  return Promise.all([
    (match[2] === 'review' ? ReviewPage : ClipViewPage).preload(),
    import('./player/videojs-loader'),
  ]);
}
