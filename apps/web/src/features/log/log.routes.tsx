import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const LogPrintPage = lazy(() => import('./log-print.page'));
const GoalsPage = lazy(() => import('./goals.page'));

/** The log's printable page and the teacher's goals and year. Meant to sit inside `<RequireSignIn>`, under the app shell. */
export const logRoutes = [
  { path: 'cycles/:cycleId/log/print', element: <LogPrintPage /> },
  { path: 'goals', element: <GoalsPage /> },
] as const satisfies readonly RouteObject[];
