import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';

/** Dashboards of coaches, teachers and admins, and the research export. Mounted at the API's root: paths are written out in full. */
export function dashboardRoutes(_ctx: AppContext) {
  return new Hono<AppEnv>();
}
