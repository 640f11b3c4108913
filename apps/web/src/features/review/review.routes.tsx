import type { RouteObject } from 'react-router';
import { preloadable } from '../../lib/preloadable';

// Loaded on demand: the review (and, later still, video.js) never weighs on the first page.
// Opening one by its address starts loading it at once (review.early.ts).
export const ReviewPage = preloadable(() => import('./review.page'));
export const ClipViewPage = preloadable(() => import('./clip-view.page'));

/**
 * The lesson review and a clip's view, for signed-in coaches and teachers (the API decides
 * who may see which lesson). Meant to sit inside `<RequireSignIn>`, under the app shell,
 * whose Suspense shows "Loading the page…" while a page arrives.
 */
export const reviewRoutes = [
  { path: 'lessons/:lessonId/review', element: <ReviewPage /> },
  { path: 'lessons/:lessonId/clips/:position', element: <ClipViewPage /> },
] as const satisfies readonly RouteObject[];
