import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { cycleParams, listCyclesQuery, openCycleBody, updateCycleBody } from './cycles.schemas';

/** The coaching cycle record: list, open the next, read, change dates and links, remove. */
export function cycleRoutes(ctx: AppContext) {
  const { cycles } = ctx.services;
  return new Hono<AppEnv>()
    .get('/', validate('query', listCyclesQuery), async (c) =>
      c.json({ items: await cycles.list(requireViewer(c), c.req.valid('query').teacherId) }),
    )
    .post('/', validate('json', openCycleBody), async (c) =>
      c.json(await cycles.open(requireViewer(c), c.req.valid('json')), 201),
    )
    .get('/:id', validate('param', cycleParams), async (c) =>
      c.json(await cycles.get(requireViewer(c), c.req.valid('param').id)),
    )
    .patch('/:id', validate('param', cycleParams), validate('json', updateCycleBody), async (c) =>
      c.json(await cycles.update(requireViewer(c), c.req.valid('param').id, c.req.valid('json'))),
    )
    .delete('/:id', validate('param', cycleParams), async (c) => {
      await cycles.delete(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
