import { coachingMatrix } from './coaching.rows';
import { CORE_MATRIX } from './core.rows';
import { cycleMatrix } from './cycle.rows';
import { dashboardMatrix } from './dashboard.rows';
import type { RouteCase } from './expect';
import { libraryMatrix } from './library.rows';
import { logMatrix } from './log.rows';

/** Every route's row, gathered from the features that own them. */
export const MATRIX: Record<string, RouteCase> = {
  ...CORE_MATRIX,
  ...cycleMatrix,
  ...libraryMatrix,
  ...logMatrix,
  ...coachingMatrix,
  ...dashboardMatrix,
};
