import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { readJsonBody } from '../middleware/json-body';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { rubricIdParams } from './rubrics.schemas';

export function rubricRoutes(ctx: AppContext) {
  const rubrics = ctx.services.rubrics;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireViewer(c);
      return c.json({ items: await rubrics.list() });
    })
    .post('/validate', async (c) => {
      requireViewer(c);
      return c.json(rubrics.validate(await readJsonBody(c)));
    })
    .get('/:id', validate('param', rubricIdParams), async (c) => {
      requireViewer(c);
      return c.json(await rubrics.get(c.req.valid('param').id));
    });
}
