import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { AUDIT_ACTIONS } from '../services/audit.service';
import { AUTH_LIMITS } from '../services/rate-limit.service';

/**
 * The auth library's endpoints that Elevate uses, and only those: each is listed here so
 * it appears in the route table (and so in the authorization matrix test). Everything
 * else under /api/auth is a 404.
 */
export function authRoutes(ctx: AppContext) {
  const { auth } = ctx;
  const { rateLimits, audit } = ctx.services;

  /** Passes the request to the library with our client address, and maps its errors. */
  async function forward(c: { req: { raw: Request }; get: (k: 'clientIp') => string }) {
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-elevate-client-ip', c.get('clientIp'));
    const res = await auth.handler(new Request(c.req.raw, { headers }));
    if (res.ok || res.status === 302) return res;
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new AppError(
      (body.code ?? 'auth_error').toLowerCase(),
      res.status as ContentfulStatusCode,
      body.message ?? 'Request refused',
    );
  }

  async function emailOf(req: Request): Promise<string> {
    // Any JSON may arrive here (`null`, an array): the library validates it, we only peek.
    const body: unknown = await req
      .clone()
      .json()
      .catch(() => null);
    const email = body && typeof body === 'object' ? (body as { email?: unknown }).email : null;
    return typeof email === 'string' ? email.trim().toLowerCase() : '';
  }

  return new Hono<AppEnv>()
    .post('/sign-in/email', async (c) => {
      const email = await emailOf(c.req.raw);
      const { signInPerAccount, signInPerAddress } = AUTH_LIMITS;
      const limits = [
        { key: `sign-in:ip:${c.get('clientIp')}`, ...signInPerAddress },
        ...(email ? [{ key: `sign-in:account:${email}`, ...signInPerAccount }] : []),
      ];
      await rateLimits.assertUnder(limits);
      try {
        const res = await forward(c);
        const body = (await res.clone().json()) as { user: { id: string; programId: string } };
        await audit.record({
          programId: body.user.programId,
          actorId: body.user.id,
          action: AUDIT_ACTIONS.signIn,
          ipAddress: c.get('clientIp'),
        });
        // The session token travels in the HttpOnly cookie only, never in a readable body.
        const { token: _token, ...rest } = (await res.json()) as Record<string, unknown>;
        return new Response(JSON.stringify(rest), { status: 200, headers: res.headers });
      } catch (err) {
        // Only a real attempt (wrong email or password) is counted and audited; a malformed
        // request is refused like any other and writes nothing.
        if (!(err instanceof AppError && err.status === 401)) throw err;
        await rateLimits.consume(limits);
        const user = email ? await ctx.repositories.users.findByEmail(email) : undefined;
        await audit.record({
          programId: user?.programId ?? null,
          actorId: user?.id ?? null,
          action: AUDIT_ACTIONS.signInFailed,
          ipAddress: c.get('clientIp'),
          detail: { email },
        });
        throw err;
      }
    })
    .post('/sign-out', async (c) => {
      const viewer = c.get('viewer');
      const res = await forward(c);
      if (viewer) {
        await audit.record({
          programId: viewer.programId,
          actorId: viewer.userId,
          action: AUDIT_ACTIONS.signOut,
          ipAddress: c.get('clientIp'),
        });
      }
      return res;
    })
    .get('/get-session', (c) => forward(c))
    .post('/request-password-reset', async (c) => {
      const email = await emailOf(c.req.raw);
      const { resetPerAccount, resetPerAddress } = AUTH_LIMITS;
      await rateLimits.consume([
        { key: `reset:ip:${c.get('clientIp')}`, ...resetPerAddress },
        ...(email ? [{ key: `reset:account:${email}`, ...resetPerAccount }] : []),
      ]);
      const user = email ? await ctx.repositories.users.findByEmail(email) : undefined;
      // Deactivated and not-yet-joined accounts get no reset link; the answer is the same.
      if (user?.status !== 'active') return c.json({ status: true });
      const res = await forward(c);
      await audit.record({
        programId: user.programId,
        actorId: user.id,
        action: AUDIT_ACTIONS.passwordResetRequested,
        ipAddress: c.get('clientIp'),
      });
      return res;
    })
    .get('/reset-password/:token', (c) => forward(c))
    .post('/reset-password', (c) => forward(c))
    .post('/change-password', (c) => forward(c));
}
