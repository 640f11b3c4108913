import type { AppContext } from './context';

export const MAINTENANCE_JOB = 'maintenance';

const FIRST_DELAY_MS = 10_000;
const HOUR_MS = 3600_000;

/**
 * What a worker does: runs the media jobs, and once an hour aborts abandoned uploads,
 * applies the programs' retention rule and sends the reminders that are due. The API runs it in-process (RUN_WORKER=on);
 * `elevate worker` runs it on its own. Returns a function that stops the hourly timer
 * (the context's close() stops the runner).
 */
export function startBackgroundWork(ctx: AppContext): () => void {
  registerMaintenance(ctx);
  ctx.services.runner.start();
  const enqueue = () =>
    enqueueMaintenance(ctx).catch((err) =>
      ctx.logger.error({ err }, 'maintenance could not be queued'),
    );
  const first = setTimeout(enqueue, FIRST_DELAY_MS);
  const hourly = setInterval(enqueue, HOUR_MS);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}

/** Teaches the context's job runner to do the maintenance. */
export function registerMaintenance(ctx: AppContext): void {
  ctx.services.runner.register(MAINTENANCE_JOB, async (_job, heartbeat) => {
    const aborted = await ctx.services.uploads.abortAbandoned(ctx.config.uploads.idleMs);
    await heartbeat();
    const deleted = await ctx.services.lessons.applyRetention();
    await heartbeat();
    // The day-before reminders (video due, meeting) and "teacher ready": each sent once.
    const reminded = await ctx.services.reminders.sendDueReminders(new Date());
    if (aborted || deleted || reminded)
      ctx.logger.info({ aborted, deleted, reminded }, 'maintenance');
  });
}

/**
 * Queues the maintenance of the clock hour `at` falls in. One job id per hour: however
 * many worker processes queue it, it runs once, in one of them.
 */
export async function enqueueMaintenance(ctx: AppContext, at = new Date()): Promise<void> {
  const hour = at.toISOString().slice(0, 13);
  await ctx.repositories.jobs.enqueue(MAINTENANCE_JOB, null, {}, { id: `maintenance:${hour}` });
  ctx.services.runner.nudge();
}
