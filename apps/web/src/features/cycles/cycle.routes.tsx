import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const CyclesPage = lazy(() => import('./cycles.page'));
const CyclePage = lazy(() => import('./cycle.page'));

/** The coaching cycles: the list (a teacher's own, a coach's caseload) and one cycle's record. */
export const cycleRoutes = [
  { path: 'cycles', element: <CyclesPage /> },
  { path: 'cycles/:cycleId', element: <CyclePage /> },
] as const satisfies readonly RouteObject[];
