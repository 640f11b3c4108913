import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';
import { AppError } from '../errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sent from another origin. A request
 * with no Origin and no Fetch Metadata comes from a non-browser client; it passes only
 * when it carries no cookie, since then it acts as nobody.
 */
export function csrfGuard(publicUrl: string | undefined): MiddlewareHandler<AppEnv> {
  const configured = publicUrl ? new URL(publicUrl).origin : undefined;
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const allowed = configured ?? new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const ok = origin
      ? origin === allowed
      : site
        ? site === 'same-origin' || site === 'none'
        : !c.req.header('cookie');
    if (!ok) {
      throw new AppError(
        'csrf_rejected',
        403,
        'Request refused',
        'This request came from another site. Reload Elevate and try again.',
      );
    }
    return next();
  };
}

/**
 * The client's address: the socket peer, or, when that peer is a trusted proxy, the
 * nearest untrusted address in X-Forwarded-For. Rate limits key on it.
 */
export function clientAddress(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let ip = '0.0.0.0';
    try {
      ip = getConnInfo(c).remote.address ?? ip;
    } catch {
      // app.request() in tests has no socket
    }
    if (trustedProxies.includes(ip)) {
      const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim());
      ip = hops.reverse().find((h) => h && !trustedProxies.includes(h)) ?? ip;
    }
    c.set('clientIp', ip);
    return next();
  };
}

/**
 * Security headers on every response. The policy suits a video app: media and images
 * may come from the object store's origin (signed URLs) and from blob: (previews).
 */
export function securityHeaders(mediaOrigins: readonly string[]) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...mediaOrigins],
      mediaSrc: ["'self'", 'blob:', ...mediaOrigins],
      connectSrc: ["'self'", ...mediaOrigins],
      // video.js ships its icon font inline in its stylesheet.
      fontSrc: ["'self'", 'data:'],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: 'max-age=15552000; includeSubDomains',
  });
}
