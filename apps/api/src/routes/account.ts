import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { AUTH_LIMITS } from '../services/rate-limit.service';
import {
  acceptBody,
  auditQuery,
  caseloadBody,
  caseloadParams,
  idParams,
  invitationParams,
  inviteBody,
  listQuery,
  profileBody,
  roleBody,
} from './account.schemas';

/** Where links in emails point: the configured public URL, or the request's own origin. */
function originOf(ctx: AppContext, url: string): string {
  return ctx.config.publicUrl ?? new URL(url).origin;
}

export function meRoutes(ctx: AppContext) {
  const accounts = ctx.services.accounts;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await accounts.me(requireViewer(c).userId)))
    .patch('/', validate('json', profileBody), async (c) =>
      c.json(await accounts.updateProfile(requireViewer(c), c.req.valid('json'))),
    );
}

export function invitationRoutes(ctx: AppContext) {
  const { accounts, rateLimits } = ctx.services;
  const limit = (ip: string) =>
    rateLimits.consume([{ key: `invitation:ip:${ip}`, ...AUTH_LIMITS.invitationPerAddress }]);
  return new Hono<AppEnv>()
    .get('/:token', validate('param', invitationParams), async (c) => {
      await limit(c.get('clientIp'));
      return c.json(await accounts.describeInvitation(c.req.valid('param').token));
    })
    .post(
      '/:token/accept',
      validate('param', invitationParams),
      validate('json', acceptBody),
      async (c) => {
        await limit(c.get('clientIp'));
        return c.json(
          await accounts.acceptInvitation(c.req.valid('param').token, c.req.valid('json')),
        );
      },
    );
}

export function userRoutes(ctx: AppContext) {
  const accounts = ctx.services.accounts;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await accounts.list(requireViewer(c)) }))
    .post('/', validate('json', inviteBody), async (c) => {
      const result = await accounts.invite(
        requireViewer(c),
        c.req.valid('json'),
        originOf(ctx, c.req.url),
      );
      return c.json(result, 201);
    })
    .patch('/:id', validate('param', idParams), validate('json', roleBody), async (c) =>
      c.json({
        user: await accounts.changeRole(
          requireViewer(c),
          c.req.valid('param').id,
          c.req.valid('json').role,
        ),
      }),
    )
    .post('/:id/deactivate', validate('param', idParams), async (c) =>
      c.json({ user: await accounts.deactivate(requireViewer(c), c.req.valid('param').id) }),
    )
    .post('/:id/reactivate', validate('param', idParams), async (c) =>
      c.json({ user: await accounts.reactivate(requireViewer(c), c.req.valid('param').id) }),
    )
    .post('/:id/resend-invitation', validate('param', idParams), async (c) =>
      c.json(
        await accounts.resendInvitation(
          requireViewer(c),
          c.req.valid('param').id,
          originOf(ctx, c.req.url),
        ),
      ),
    );
}

export function caseloadRoutes(ctx: AppContext) {
  const caseloads = ctx.services.caseloads;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await caseloads.list(requireViewer(c)) }))
    .put(
      '/:teacherId',
      validate('param', caseloadParams),
      validate('json', caseloadBody),
      async (c) =>
        c.json({
          assignment: await caseloads.assign(
            requireViewer(c),
            c.req.valid('param').teacherId,
            c.req.valid('json').coachId,
          ),
        }),
    );
}

export function outboxRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', validate('query', listQuery), async (c) =>
    c.json({ items: await ctx.services.outbox.list(requireViewer(c), c.req.valid('query').limit) }),
  );
}

export function auditRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', validate('query', auditQuery), async (c) =>
    c.json({ items: await ctx.services.audit.list(requireViewer(c), c.req.valid('query')) }),
  );
}
