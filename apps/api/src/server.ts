import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { type AppContext, createContext } from './context';
import { runFirstRun } from './first-run';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config, logger);
  await runFirstRun(ctx, logger);
  const app = createApp(ctx);
  if (config.runWorker) {
    ctx.services.runner.start();
    startMaintenance(ctx);
  }

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    logger.info({ url: `http://${host}:${info.port}` }, 'Elevate is listening');
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // close() stops accepting and waits for in-flight requests; idle keep-alive sockets
    // would hold it open, so close those now and force the rest after the grace period.
    const force = setTimeout(() => {
      logger.warn('grace period over: closing remaining connections');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, config.shutdownGraceMs);
    force.unref();
    server.close(async () => {
      await ctx.close();
      logger.info('stopped');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Elevate failed to start:', err);
  }
  process.exit(1);
});

/** Hourly: abort abandoned uploads and apply the programs' retention rule. */
function startMaintenance(ctx: AppContext): void {
  const run = async () => {
    try {
      const aborted = await ctx.services.uploads.abortAbandoned(ctx.config.uploads.idleMs);
      const deleted = await ctx.services.lessons.applyRetention();
      if (aborted || deleted) ctx.logger.info({ aborted, deleted }, 'maintenance');
    } catch (err) {
      ctx.logger.error({ err }, 'maintenance failed');
    }
  };
  setTimeout(run, 10_000).unref();
  setInterval(run, 3600_000).unref();
}
