import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';

/** Coach preparation, the watching assignment and its mail, reminders. Mounted at the API's root: paths are written out in full. */
export function coachingRoutes(_ctx: AppContext) {
  return new Hono<AppEnv>();
}
