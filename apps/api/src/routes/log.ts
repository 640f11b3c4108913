import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';

/** The collaborative log (versions, merge, exports, calendar) and the teacher's goals. Mounted at the API's root: paths are written out in full. */
export function logRoutes(_ctx: AppContext) {
  return new Hono<AppEnv>();
}
