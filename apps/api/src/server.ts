import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startBackgroundWork } from './background-work';
import { ConfigError, loadConfig } from './config';
import { createContext } from './context';
import { runFirstRun } from './first-run';
import { createLogger } from './logger';

async function main(): Promise<void> {
  // libuv's pool (4 threads by default) serves session-cookie signature checks, local-disk
  // part writes and file reads alike; with 200 reviewers and 5 uploads its queue set the tail
  // latency (test/bench/load.mjs). It starts on first use, after this line; an operator's
  // own value wins.
  process.env.UV_THREADPOOL_SIZE ??= '16';
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
