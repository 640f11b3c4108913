import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { cycleParams } from './cycles.schemas';
import { saveStockScoresBody, teacherParams } from './library.schemas';

/**
 * Stock-clip scoring in a cycle and calibration over time. Mounted at the API's root:
 * paths are written out in full. The library itself lives in stock-clips.ts.
 */
export function libraryRoutes(ctx: AppContext) {
  const { calibration } = ctx.services;
  return new Hono<AppEnv>()
    .get('/cycles/:id/stock-scores', validate('param', cycleParams), async (c) =>
      c.json(await calibration.scores(requireViewer(c), c.req.valid('param').id)),
    )
    .put(
      '/cycles/:id/stock-scores',
      validate('param', cycleParams),
      validate('json', saveStockScoresBody),
      async (c) =>
        c.json(
          await calibration.save(requireViewer(c), c.req.valid('param').id, c.req.valid('json')),
        ),
    )
    .get('/teachers/:teacherId/calibration', validate('param', teacherParams), async (c) =>
      c.json(await calibration.calibration(requireViewer(c), c.req.valid('param').teacherId)),
    );
}
