import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Job, JobRepository } from '../repositories/job.repository';

export type JobHandler = (job: Job, heartbeat: () => Promise<void>) => Promise<void>;

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 3;

/**
 * Runs stored jobs one at a time (media work is CPU-heavy on a small machine). Any number
 * of runners, in one process or many, may share the queue: each claim is one atomic
 * statement (SKIP LOCKED on PostgreSQL), so no job runs in two places at once. A job
 * whose process dies keeps its claim only until the lease runs out; then it runs again.
 */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private stopping = false;
  private readonly handlers: Map<string, JobHandler>;

  constructor(
    private readonly jobs: JobRepository,
    handlers: Record<string, JobHandler>,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
    private readonly leaseMs = LEASE_MS,
  ) {
    this.handlers = new Map(Object.entries(handlers));
  }

  /** Adds the handler of another kind of job (work only a worker process does). */
  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    // A job this host's killed process held runs again now, not a lease later.
    this.jobs
      .releaseDeadClaims(hostname(), isProcessAlive)
      .then((released) => {
        if (released) this.logger.info({ released }, 'took back the jobs of a stopped process');
      })
      .catch((err: unknown) => this.logger.error({ err }, 'could not check for stale job claims'))
      .finally(() => {
        if (!this.stopped) this.schedule(0);
      });
  }

  /** Wakes the runner now (after an enqueue) instead of at the next poll. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Stops taking jobs and waits for the one in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
    this.stopping = false;
  }

  /** Runs due jobs until none is left; returns how many ran (tests call this directly). */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, 'job loop failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async runOne(): Promise<boolean> {
    if (this.stopping) return false;
    const job = await this.jobs.claim(this.workerId, this.leaseMs);
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    const log = this.logger.child({ jobId: job.id, kind: job.kind, lessonId: job.lessonId });
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      log.info({ attempt: job.attempts }, 'job started');
      await handler(job, () => this.jobs.extend(job.id, this.workerId, this.leaseMs));
      await this.jobs.finish(job.id, this.workerId);
      log.info('job done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retryAt =
        job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + 5000 * job.attempts) : null;
      await this.jobs.fail(job.id, this.workerId, message, retryAt);
      log.warn({ err: message, willRetry: retryAt !== null }, 'job failed');
    }
    return true;
  }
}

/** Whether a process with this id runs on this machine (signal 0 only checks). */
function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
