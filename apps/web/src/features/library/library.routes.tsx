import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const LibraryPage = lazy(() => import('./library.page'));
const StockClipPage = lazy(() => import('./stock-clip.page'));
const StockClipFormPage = lazy(() => import('./stock-clip-form.page'));

/**
 * The stock-clip library: search, one clip, and the admin's add and edit forms (which say
 * "Not available to you" to other roles; the API refuses them too). Meant to sit inside
 * `<RequireSignIn>`, under the app shell.
 */
export const libraryRoutes = [
  { path: 'library', element: <LibraryPage /> },
  { path: 'library/new', element: <StockClipFormPage /> },
  { path: 'library/:clipId', element: <StockClipPage /> },
  { path: 'library/:clipId/edit', element: <StockClipFormPage /> },
] as const satisfies readonly RouteObject[];
