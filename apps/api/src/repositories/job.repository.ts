import { PostgresAdapter, type Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { JobTable } from '../db/tables/lesson.table';

export interface Job {
  id: string;
  kind: string;
  lessonId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

function toJob(r: Selectable<JobTable>): Job {
  return {
    id: r.id,
    kind: r.kind,
    lessonId: r.lesson_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    attempts: r.attempts,
  };
}

/**
 * Jobs stored in the database: a job survives a restart, a crashed worker's claim runs
 * out and the job is taken again, and on PostgreSQL several workers claim with
 * SKIP LOCKED so none is done twice at once.
 */
export class JobRepository {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Db) {
    this.isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /**
   * Enqueues unless a live job of the same kind exists for the lesson (idempotent). A
   * caller-chosen `id` makes the job happen once however many processes enqueue it (the
   * hourly maintenance: one id per hour).
   */
  async enqueue(
    kind: string,
    lessonId: string | null,
    payload: Record<string, unknown> = {},
    options: { id?: string } = {},
  ) {
    const now = new Date().toISOString();
    await this.db
      .insertInto('job')
      .values({
        id: options.id ?? crypto.randomUUID(),
        kind,
        lesson_id: lessonId,
        payload: JSON.stringify(payload),
        state: 'queued',
        attempts: 0,
        run_after: now,
        locked_by: null,
        locked_until: null,
        error: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Takes the next due job (or one whose worker's lease ran out) for `worker`. */
  async claim(worker: string, leaseMs: number): Promise<Job | undefined> {
    const now = new Date();
    const nowIso = now.toISOString();
    let next = this.db
      .selectFrom('job')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('run_after', '<=', nowIso)]),
          eb.and([eb('state', '=', 'running'), eb('locked_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_after')
      .limit(1);
    if (this.isPostgres) next = next.forUpdate().skipLocked();
    const row = await this.db
      .updateTable('job')
      .set((eb) => ({
        state: 'running',
        locked_by: worker,
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
        updated_at: nowIso,
      }))
      .where('id', '=', (eb) => eb.selectFrom(next.as('n')).select('n.id'))
      .returningAll()
      .executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /**
   * Ends the claims of workers on this host whose process is gone (a killed API restarting),
   * so their jobs run again now instead of when the lease runs out.
   */
  async releaseDeadClaims(host: string, isAlive: (pid: number) => boolean): Promise<number> {
    const running = await this.db
      .selectFrom('job')
      .select(['id', 'locked_by'])
      .where('state', '=', 'running')
      .where('locked_by', 'like', `${host}:%`)
      .execute();
    const dead = running.filter((job) => {
      const pid = Number(job.locked_by?.split(':')[1]);
      return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
    });
    for (const job of dead) {
      await this.db
        .updateTable('job')
        .set({ locked_until: new Date(0).toISOString() })
        .where('id', '=', job.id)
        .where('locked_by', '=', job.locked_by)
        .execute();
    }
    return dead.length;
  }

  /** Keeps a long job's claim alive. */
  async extend(id: string, worker: string, leaseMs: number): Promise<void> {
    await this.db
      .updateTable('job')
      .set({ locked_until: new Date(Date.now() + leaseMs).toISOString() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .execute();
  }

  async finish(id: string, worker: string): Promise<void> {
    await this.db
      .updateTable('job')
      .set({ state: 'done', locked_until: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .execute();
  }

  /** Retries later, or gives up for good when `retryAt` is null. */
  async fail(id: string, worker: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db
      .updateTable('job')
      .set({
        state: retryAt ? 'queued' : 'failed',
        run_after: (retryAt ?? new Date()).toISOString(),
        locked_by: null,
        locked_until: null,
        error: error.slice(0, 2000),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .execute();
  }

  async countByState(kind?: string): Promise<Record<string, number>> {
    let query = this.db
      .selectFrom('job')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state');
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}
