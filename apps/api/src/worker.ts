// `elevate worker`: the media job worker and the hourly maintenance in a process of their
// own, beside API processes started with RUN_WORKER=off (which then only enqueue). Reads
// the same environment as the server; several workers may share one PostgreSQL queue.
import { startBackgroundWork } from './background-work';
import { ConfigError, loadConfig } from './config';
import { createContext } from './context';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config, logger);
  const stopBackgroundWork = startBackgroundWork(ctx);
  logger.info({ workerId: ctx.services.runner.workerId }, 'Elevate worker is running');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing the job in hand');
    stopBackgroundWork();
    // A job cut off here is not lost: its lease runs out and another worker takes it.
    await ctx.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Elevate worker failed to start:', err);
  }
  process.exit(1);
});
