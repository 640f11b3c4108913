import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';

/** Stock-clip library, master scores, stock-clip scoring and calibration. Mounted at the API's root: paths are written out in full. */
export function libraryRoutes(_ctx: AppContext) {
  return new Hono<AppEnv>();
}
