import { afterEach, expect, it } from 'vitest';
import { enqueueMaintenance, MAINTENANCE_JOB, registerMaintenance } from './background-work';
import { UPLOAD_STATES } from './repositories/upload.repository';
import { createTestApi, type TestApi } from './testing/test-api';
import { createWorld, type World } from './testing/world';

let world: World | undefined;
let second: TestApi | undefined;
afterEach(async () => {
  await second?.ctx.close(); // the world's close() removes the shared folder and database
  await world?.api.close();
  second = undefined;
  world = undefined;
});

it('the hourly maintenance runs once an hour, in one of the workers that queue it', async () => {
  // Uploads idle for more than ~4 ms count as abandoned: the world's open upload is one.
  const env = { UPLOAD_IDLE_HOURS: '0.000001' };
  world = await createWorld(env);
  // A second worker process on the same database (and data folder).
  second = await createTestApi(env, world.api.dataDir);
  const workers = [world.api.ctx, second.ctx];
  for (const ctx of workers) registerMaintenance(ctx);
  const at = new Date('2026-11-23T10:15:00Z');

  for (const ctx of workers) await enqueueMaintenance(ctx, at);
  const ran = await Promise.all(workers.map((ctx) => ctx.services.runner.drain()));

  expect(ran.reduce((a, b) => a + b)).toBe(1);
  const { jobs, uploads } = world.api.ctx.repositories;
  expect(await jobs.countByState(MAINTENANCE_JOB)).toEqual({ done: 1 });
  expect((await uploads.findById(world.uploadId))?.state).toBe(UPLOAD_STATES.aborted);

  // Later the same hour: nothing new. The next hour: once more.
  await enqueueMaintenance(second.ctx, new Date('2026-11-23T10:55:00Z'));
  await enqueueMaintenance(second.ctx, new Date('2026-11-23T11:05:00Z'));
  await Promise.all(workers.map((ctx) => ctx.services.runner.drain()));
  expect(await jobs.countByState(MAINTENANCE_JOB)).toEqual({ done: 2 });
});
