import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startBackgroundWork } from './background-work';
import { ConfigError, loadConfig } from './config';
import { createContext } from './context';
import { runFirstRun } from './first-run';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config, logger);
  await runFirstRun(ctx, logger);
  const app = createApp(ctx);
  // RUN_WORKER=off: this process only enqueues; `elevate worker` processes take the jobs.
  const stopBackgroundWork = config.runWorker ? startBackgroundWork(ctx) : () => {};

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
    stopBackgroundWork();
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
