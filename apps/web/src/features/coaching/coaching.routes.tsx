import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ConversationPage = lazy(() => import('./conversation.page'));

/** The conversation view. Meant to sit inside `<RequireSignIn>`, under the app shell. */
export const coachingRoutes = [
  { path: 'cycles/:cycleId/conversation', element: <ConversationPage /> },
] as const satisfies readonly RouteObject[];
