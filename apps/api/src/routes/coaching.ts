import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { assignmentBody, coachingParams, prepBody } from './coaching.schemas';

/** Coach preparation, the watching assignment and its mail, reminders. Mounted at the API's root: paths are written out in full. */
export function coachingRoutes(ctx: AppContext) {
  const { prep, assignments } = ctx.services;
  // Links in the email: the configured public address, else the address the coach used.
  const origin = (c: Context<AppEnv>) => ctx.config.publicUrl ?? new URL(c.req.url).origin;
  return new Hono<AppEnv>()
    .get('/cycles/:id/prep', validate('param', coachingParams), async (c) =>
      c.json(await prep.get(requireViewer(c), c.req.valid('param').id)),
    )
    .put(
      '/cycles/:id/prep',
      validate('param', coachingParams),
      validate('json', prepBody),
      async (c) =>
        c.json(
          await prep.save(requireViewer(c), c.req.valid('param').id, c.req.valid('json').fields),
        ),
    )
    .get('/cycles/:id/assignment', validate('param', coachingParams), async (c) =>
      c.json(await assignments.get(requireViewer(c), c.req.valid('param').id, origin(c))),
    )
    .post(
      '/cycles/:id/assignment',
      validate('param', coachingParams),
      validate('json', assignmentBody),
      async (c) =>
        c.json(
          await assignments.send(
            requireViewer(c),
            c.req.valid('param').id,
            c.req.valid('json'),
            origin(c),
          ),
          201,
        ),
    );
}
