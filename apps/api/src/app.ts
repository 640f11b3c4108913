import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppContext } from './context';
import type { AppEnv } from './env';
import { AppError, ERROR_CODES, problemResponse, toAppError } from './errors';
import { clientAddress, csrfGuard, securityHeaders } from './middleware/protect';
import { requestLog } from './middleware/request-log';
import { sessionMiddleware } from './middleware/session';
import {
  auditRoutes,
  caseloadRoutes,
  invitationRoutes,
  meRoutes,
  outboxRoutes,
  userRoutes,
} from './routes/account';
import { authRoutes } from './routes/auth';
import { coachingRoutes } from './routes/coaching';
import { cycleRoutes } from './routes/cycles';
import { dashboardRoutes } from './routes/dashboard';
import { healthRoutes } from './routes/health';
import { lessonRoutes, uploadRoutes } from './routes/lessons';
import { libraryRoutes } from './routes/library';
import { logRoutes } from './routes/log';
import { annotationRoutes, lessonReviewRoutes, replyRoutes } from './routes/review';
import { rubricRoutes } from './routes/rubrics';
import { stockClipRoutes } from './routes/stock-clips';
import { FsStorage, LOCAL_STORAGE_MOUNT_PATH } from './storage/fs-storage';
import { localStorageRoutes } from './storage/fs-storage.routes';
import { serveWebApp } from './web-app';

/** A request id the client sent is kept only when it is short and plain. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const MAX_JSON_BODY = 1024 * 1024;

/** Where signed media URLs point when they are not on our own origin (an object store). */
function mediaOrigins(ctx: AppContext): string[] {
  const s = ctx.config.storage;
  return s.driver === 's3' ? [new URL(s.publicEndpoint ?? s.endpoint).origin] : [];
}

/** The API's routes, one sub-app per resource. Its type drives the web app's client. */
function apiRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use(bodyLimit({ maxSize: MAX_JSON_BODY }))
    .use(csrfGuard(ctx.config.publicUrl))
    .use(sessionMiddleware(ctx.auth, ctx.config.session.maxSeconds))
    .route('/health', healthRoutes(ctx))
    .route('/auth', authRoutes(ctx))
    .route('/me', meRoutes(ctx))
    .route('/invitations', invitationRoutes(ctx))
    .route('/users', userRoutes(ctx))
    .route('/caseloads', caseloadRoutes(ctx))
    .route('/outbox', outboxRoutes(ctx))
    .route('/audit', auditRoutes(ctx))
    .route('/rubrics', rubricRoutes(ctx))
    .route('/lessons', lessonRoutes(ctx))
    .route('/lessons', lessonReviewRoutes(ctx))
    .route('/annotations', annotationRoutes(ctx))
    .route('/replies', replyRoutes(ctx))
    .route('/stock-clips', stockClipRoutes(ctx))
    .route('/uploads', uploadRoutes(ctx))
    .route('/cycles', cycleRoutes(ctx))
    .route('/', libraryRoutes(ctx))
    .route('/', logRoutes(ctx))
    .route('/', coachingRoutes(ctx))
    .route('/', dashboardRoutes(ctx));
}

export type AppType = ReturnType<typeof apiRoutes>;

/** Builds the whole HTTP app: the API under /api and, when built, the web app. */
export function createApp(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.use(
    securityHeaders(mediaOrigins(ctx)),
    clientAddress(ctx.config.trustedProxies),
    requestId({ generator: () => crypto.randomUUID() }),
    async (c, next) => {
      // Keep a sane client-supplied id so a support request can be traced end to end.
      const incoming = c.req.header('x-request-id');
      if (incoming && REQUEST_ID.test(incoming)) c.set('requestId', incoming);
      await next();
      c.header('X-Request-Id', c.get('requestId'));
    },
    requestLog(ctx.logger),
  );
  // Part PUTs and media GETs of the local store: signed URLs are their own authorization,
  // and part bodies are far larger than the API's JSON limit.
  if (ctx.storage instanceof FsStorage)
    app.route(LOCAL_STORAGE_MOUNT_PATH, localStorageRoutes(ctx.storage));
  app.route('/api', apiRoutes(ctx));
  app.all('/api/*', (c) =>
    problemResponse(
      c,
      new AppError(
        ERROR_CODES.routeNotFound,
        404,
        'No such endpoint',
        `${c.req.method} ${c.req.path}`,
      ),
    ),
  );
  if (ctx.config.webDist) serveWebApp(app, ctx.config.webDist);
  app.notFound((c) =>
    problemResponse(c, new AppError(ERROR_CODES.routeNotFound, 404, 'Not found', c.req.path)),
  );
  app.onError((err, c) => {
    const appError = toAppError(err);
    if (appError.status >= 500) {
      ctx.logger.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    }
    return problemResponse(c, appError);
  });
  return app;
}
