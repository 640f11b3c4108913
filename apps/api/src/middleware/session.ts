import type { Context, MiddlewareHandler } from 'hono';
import type { Auth } from '../auth/auth';
import { ROLE_LIST, type Role, type Viewer } from '../domain/account';
import type { AppEnv } from '../env';
import { AppError } from '../errors';

/**
 * Resolves the signed-in user from the session cookie. Sliding (idle) expiry is the
 * auth library's; the absolute limit and deactivation are checked here, on every request.
 */
export function sessionMiddleware(
  auth: Auth,
  maxSessionSeconds: number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('viewer', null);
    if (!c.req.header('cookie')) return next();
    const result = await auth.api.getSession({ headers: c.req.raw.headers, returnHeaders: true });
    const session = result.response;
    if (session) {
      const started = new Date(session.session.createdAt).getTime();
      const user = session.user as typeof session.user & {
        programId: string;
        role: string;
        timeZone?: string | null;
        deactivatedAt?: Date | string | null;
      };
      if (Date.now() - started > maxSessionSeconds * 1000 || user.deactivatedAt) {
        const ctx = await auth.$context;
        await ctx.internalAdapter.deleteSession(session.session.token);
      } else if (ROLE_LIST.includes(user.role as Role)) {
        c.set('viewer', {
          userId: user.id,
          programId: user.programId,
          role: user.role as Role,
          name: user.name,
          email: user.email,
          timeZone: user.timeZone ?? 'UTC',
          sessionId: session.session.id,
        });
      }
    }
    await next();
    // The library extends a live session by re-sending its cookie: pass that on.
    for (const cookie of result.headers?.getSetCookie?.() ?? []) {
      c.res.headers.append('Set-Cookie', cookie);
    }
  };
}

/** The signed-in user, or a 401 problem. */
export function requireViewer(c: Context<AppEnv>): Viewer {
  const viewer = c.get('viewer');
  if (!viewer) {
    throw new AppError(
      'unauthenticated',
      401,
      'Sign in required',
      'Your session has ended or you are not signed in.',
    );
  }
  return viewer;
}
