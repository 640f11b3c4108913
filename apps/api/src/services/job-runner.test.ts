import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../db/database';
import { type Job, JobRepository } from '../repositories/job.repository';
import { createTestApi, type TestApi } from '../testing/test-api';
import { type JobHandler, JobRunner } from './job-runner';

const KIND = 'test-job';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let api: TestApi;
let connections: Db[] = [];

beforeEach(async () => {
  api = await createTestApi();
});
afterEach(async () => {
  await Promise.all(connections.map((db) => db.destroy()));
  connections = [];
  await api.close();
});

/**
 * A runner on a connection (pool) of its own to the test's database, as a runner in
 * another process would have.
 */
function runnerOnOwnConnection(handler: JobHandler, leaseMs?: number) {
  const db = createDatabase(api.ctx.config.database);
  connections.push(db);
  const jobs = new JobRepository(db);
  return new JobRunner(jobs, { [KIND]: handler }, api.ctx.logger, 1000, leaseMs);
}

async function enqueueMany(count: number): Promise<string[]> {
  for (let i = 0; i < count; i++) await api.ctx.repositories.jobs.enqueue(KIND, null, { i });
  const rows = await api.ctx.db.selectFrom('job').select('id').where('kind', '=', KIND).execute();
  return rows.map((r) => r.id).sort();
}

describe('several job runners on one queue', () => {
  it('take every job, and none twice, when they claim at the same time', async () => {
    const ids = await enqueueMany(40);
    const runs: Array<{ jobId: string; runner: number }> = [];
    const runners = [0, 1, 2, 3].map((runner) =>
      runnerOnOwnConnection(async (job: Job) => {
        runs.push({ jobId: job.id, runner });
        await sleep(5 + Math.random() * 10); // long enough for the others to claim meanwhile
      }),
    );

    const counts = await Promise.all(runners.map((runner) => runner.drain()));

    expect(runs.map((r) => r.jobId).sort()).toEqual(ids);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    // They really worked side by side: more than one runner took jobs.
    expect(new Set(runs.map((r) => r.runner)).size).toBeGreaterThan(1);
    expect(await api.ctx.repositories.jobs.countByState(KIND)).toEqual({ done: 40 });
  });

  it('a job whose worker died runs again once its lease runs out, and only once', async () => {
    const [id] = await enqueueMany(1);
    const jobs = api.ctx.repositories.jobs;
    const dead = await jobs.claim('worker-that-died', 300);
    expect(dead?.id).toBe(id);
    const runs: Job[] = [];
    const runners = [0, 1].map(() =>
      runnerOnOwnConnection(async (job) => {
        runs.push(job);
      }),
    );

    // While the lease holds, nobody else takes the job.
    expect(await Promise.all(runners.map((r) => r.drain()))).toEqual([0, 0]);
    await sleep(400);
    const counts = await Promise.all(runners.map((r) => r.drain()));

    expect(counts.sort()).toEqual([0, 1]);
    expect(runs.map((job) => [job.id, job.attempts])).toEqual([[id, 2]]);
    // The dead worker coming back late changes nothing: the job is no longer its own.
    await jobs.fail(id as string, 'worker-that-died', 'late', new Date());
    await jobs.finish(id as string, 'worker-that-died');
    expect(await jobs.countByState(KIND)).toEqual({ done: 1 });
  });

  it("a restarted runner takes back at once the job of this host's killed process", async () => {
    const [id] = await enqueueMany(1);
    const jobs = api.ctx.repositories.jobs;
    // A process id no one has: the API that held the job was killed.
    const killed = `${hostname()}:4194303:deadbeef`;
    expect((await jobs.claim(killed, 600_000))?.id).toBe(id);
    // A worker of another host, or a live one here, keeps its claim.
    await enqueueMany(1);
    const elsewhere = await jobs.claim('other-host:123:abc', 600_000);
    const runs: string[] = [];
    const runner = runnerOnOwnConnection(async (job) => {
      runs.push(job.id);
    });
    runner.start();
    for (let i = 0; i < 50 && runs.length === 0; i++) await sleep(100);
    await runner.stop();
    expect(runs).toEqual([id]);
    expect(runs).not.toContain(elsewhere?.id);
  });

  it('a long job that keeps its lease alive is not taken by another runner', async () => {
    await enqueueMany(1);
    const started: string[] = [];
    const slow = runnerOnOwnConnection(async (_job, heartbeat) => {
      started.push('slow');
      for (let i = 0; i < 6; i++) {
        await sleep(100);
        await heartbeat();
      }
    }, 250);
    const other = runnerOnOwnConnection(async () => {
      started.push('other');
    }, 250);

    const slowDone = slow.drain();
    await sleep(50);
    // For the whole job (more than twice the lease), the other runner finds nothing to do.
    for (let i = 0; i < 6; i++) {
      expect(await other.drain()).toBe(0);
      await sleep(100);
    }
    expect(await slowDone).toBe(1);
    expect(started).toEqual(['slow']);
    expect(await api.ctx.repositories.jobs.countByState(KIND)).toEqual({ done: 1 });
  });
});
