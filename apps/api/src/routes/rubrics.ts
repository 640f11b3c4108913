import { Hono } from 'hono';
import type { AppContext } from '../context';
import { readJsonBody } from '../middleware/json-body';
import { validate } from '../middleware/validate';
import { rubricIdParams } from './rubrics.schemas';

export function rubricRoutes(ctx: AppContext) {
  const rubrics = ctx.services.rubrics;
  return new Hono()
    .get('/', async (c) => c.json({ items: await rubrics.list() }))
    .post('/validate', async (c) => c.json(rubrics.validate(await readJsonBody(c))))
    .get('/:id', validate('param', rubricIdParams), async (c) =>
      c.json(await rubrics.get(c.req.valid('param').id)),
    );
}
