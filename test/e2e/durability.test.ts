import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureLesson } from '../fixtures/fixtures.mjs';
import {
  DEMO_COACH,
  DEMO_TEACHER,
  DurabilityClient,
  sleep,
  Watch,
} from '../support/durability-client';
import { type InspectedDatabase, postgresDatabase, sqliteDatabase } from '../support/durability-db';
import { CrashingServer } from '../support/durability-server';
import { PartUploader, type StoredPart, sameEtag } from '../support/durability-upload';
import { DurabilityWriter } from '../support/durability-writer';
import { type RunningPostgres, startPostgres } from '../support/postgres';
import { type RunningRgw, startRgw } from '../support/rgw';

// Issue #8, "Durability": the API is killed with SIGKILL (no shutdown code runs) at random
// moments while it writes, and must keep every write it acknowledged.

/** Rounds of write-then-kill per database; and a bound on their time, whichever comes first. */
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 20);
const ROUNDS_BUDGET_MS = 85_000;
/**
 * The kill comes this long after the writers start: a uniformly random moment (the first
 * few hundred milliseconds of a fresh process answer slowly, so some rounds end before
 * any write is acknowledged).
 */
const KILL_AFTER_MS = { min: 200, max: 2_500 };
const MiB = 1024 * 1024;
const PART_SIZE = 5 * MiB;

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.toReversed()) await cleanup().catch(() => undefined);
});

async function dataDirectory(name: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `elevate-durability-${name}-`));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

let postgres: Promise<RunningPostgres> | undefined;
/** One throwaway PostgreSQL server for the file, started when first needed. */
function sharedPostgres(): Promise<RunningPostgres> {
  if (!postgres) {
    postgres = startPostgres();
    cleanups.push(async () => (await postgres)?.stop());
  }
  return postgres;
}

function crashingServer(env: Record<string, string>, watch: Watch, clients: DurabilityClient[]) {
  const server = new CrashingServer(env, watch, clients);
  cleanups.push(async () => {
    if (server.alive) await server.kill();
  });
  return server;
}

const randomBetween = ({ min, max }: { min: number; max: number }) =>
  Math.round(min + Math.random() * (max - min));

async function pollUntil<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined> | T | undefined,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

interface Lesson {
  id: string;
  state: string;
  durationMs: number | null;
}

/** A cycle of the demo teacher whose log is still open (a new one when there is none). */
async function openCycle(coach: DurabilityClient, teacherId: string): Promise<string> {
  const { items } = await coach.expect<{ items: Array<{ id: string }> }>(
    'GET',
    `/api/cycles?teacherId=${teacherId}`,
    200,
  );
  for (const cycle of items) {
    const log = await coach.expect<{ completedAt: string | null }>(
      'GET',
      `/api/cycles/${cycle.id}/log`,
      200,
    );
    if (!log.completedAt) return cycle.id;
  }
  return (await coach.expect<{ id: string }>('POST', '/api/cycles', 201, { teacherId })).id;
}

const DATABASES: Array<{ label: string; open: (dataDir: string) => Promise<InspectedDatabase> }> = [
  { label: 'SQLite', open: async (dataDir) => sqliteDatabase(dataDir) },
  {
    label: 'PostgreSQL',
    open: async () => postgresDatabase(await sharedPostgres(), `elevate_durability_${Date.now()}`),
  },
];

// The write rounds (one database after the other) and the two upload journeys (which
// spend most of their time waiting out a dead worker's lease) run side by side.
describe.concurrent('acknowledged writes survive SIGKILL of the API', () => {
  describe.sequential.each(DATABASES)('on $label', ({ label, open }) => {
    it('round after round, killed at random moments', async () => {
      const began = Date.now();
      const dataDir = await dataDirectory(label.toLowerCase());
      const db = await open(dataDir);
      const watch = new Watch();
      const coach = new DurabilityClient('coach', watch);
      const teacher = new DurabilityClient('teacher', watch);
      const api = crashingServer({ DEMO: 'on', DATA_DIR: dataDir, ...db.env }, watch, [
        coach,
        teacher,
      ]);

      await api.start();
      await coach.signIn(DEMO_COACH);
      await teacher.signIn(DEMO_TEACHER);
      const { user } = await teacher.expect<{ user: { id: string } }>('GET', '/api/me', 200);
      // The demo lesson, once its own media job is over (its CPU would blur the rounds).
      const lesson = await pollUntil('the demo lesson to be ready', 60_000, async () => {
        const { items } = await teacher.expect<{ items: Lesson[] }>('GET', '/api/lessons', 200);
        return items.find((l) => l.state === 'ready' && l.durationMs);
      });
      const cycleId = await openCycle(coach, user.id);
      const { annotations } = await coach.expect<{
        annotations: Array<{ id: string; visibility: string }>;
      }>('GET', `/api/lessons/${lesson.id}/timeline`, 200);
      const writer = new DurabilityWriter(
        coach,
        teacher,
        lesson.id,
        cycleId,
        `durability-${label}-${began}`,
        annotations.filter((a) => a.visibility === 'public').map((a) => a.id),
      );

      const integrity: string[] = [];
      const rounds: Array<{ killAfterMs: number; acknowledged: number }> = [];
      while (rounds.length < ROUNDS && Date.now() - began < ROUNDS_BUDGET_MS) {
        const round = rounds.length + 1;
        if (round > 1) {
          await api.start();
          // The sessions were acknowledged writes too: they outlive the kills.
          await coach.expect('GET', '/api/me', 200);
          await teacher.expect('GET', '/api/me', 200);
        }
        const before = writer.acknowledged;
        const killAfterMs = randomBetween(KILL_AFTER_MS);
        let killing: Promise<void> | undefined;
        const timer = setTimeout(() => {
          killing = api.kill();
        }, killAfterMs);
        await writer.round(round, () => killing !== undefined);
        clearTimeout(timer);
        // A writer that stopped on a refusal leaves the others to run until the kill.
        await (killing ?? api.kill());
        rounds.push({ killAfterMs, acknowledged: writer.acknowledged - before });
        // The files (or the database) as the crash left them.
        integrity.push(...(await db.integrity()).map((p) => `after round ${round}: ${p}`));
      }

      await api.start();
      const missingThroughApi = await writer.missingThroughApi();
      expect(await api.stop()).toBe(0);
      const missingInDatabase = await writer.problemsInDatabase(db);
      integrity.push(...(await db.integrity()).map((p) => `at the end: ${p}`));

      console.info(
        `durability on ${label}: ${rounds.length} rounds (kills ${api.kills}) in ${Date.now() - began} ms; ` +
          `kill after ${rounds.map((r) => r.killAfterMs).join(', ')} ms; ` +
          `acknowledged ${writer.annotations.size} annotations, ${writer.replies.size} replies, ` +
          `${writer.logSaves.length} log saves (per round ${rounds.map((r) => r.acknowledged).join(', ')}); ` +
          `${watch.requests} requests, ${watch.cutOff} cut off by the kills, ${writer.conflicts} log conflicts`,
      );
      expect(watch.serverErrors).toEqual([]);
      expect(watch.failedWhileUp).toEqual([]);
      expect(writer.refused).toEqual([]);
      // Coach and teacher each write their own entry: their saves merge, never conflict.
      expect(writer.conflicts).toBe(0);
      expect(integrity).toEqual([]);
      expect(missingThroughApi).toEqual([]);
      expect(missingInDatabase).toEqual([]);
      // The test proves something only if it wrote and killed a good deal.
      expect(rounds.length).toBeGreaterThanOrEqual(10);
      expect(api.kills).toBe(rounds.length);
      expect(writer.annotations.size).toBeGreaterThanOrEqual(50);
      expect(writer.replies.size).toBeGreaterThanOrEqual(50);
      expect(writer.logSaves.length).toBeGreaterThanOrEqual(20);
      expect(watch.cutOff).toBeGreaterThan(0);
    }, 200_000);
  });
});

let rgw: Promise<RunningRgw> | undefined;
function sharedRgw(): Promise<RunningRgw> {
  if (!rgw) {
    rgw = startRgw();
    cleanups.push(async () => (await rgw)?.stop());
  }
  return rgw;
}

const STORES: Array<{ store: string; env: () => Promise<Record<string, string>> }> = [
  { store: 'local disk', env: async () => ({}) },
  {
    store: 'S3 (Ceph RGW)',
    env: async () => {
      const s3 = await sharedRgw();
      return {
        STORAGE_DRIVER: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: `durability-${Date.now()}`,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        // Set: the API creates the bucket (with the CORS rules browsers need).
        S3_CORS_ORIGINS: 'http://127.0.0.1',
      };
    },
  },
];

describe.concurrent('killing the API mid-upload and mid-media-job', () => {
  describe.each(STORES)('on $store', ({ store, env }) => {
    it('the upload completes and the job is done once', async () => {
      const began = Date.now();
      const [lessonFile, storeEnv] = await Promise.all([ensureLesson(25), env()]);
      const data = await fs.readFile(lessonFile);
      const dataDir = await dataDirectory(store.startsWith('S3') ? 's3' : 'local');
      const db = sqliteDatabase(dataDir);
      const watch = new Watch();
      const teacher = new DurabilityClient('teacher', watch);
      const api = crashingServer(
        { DEMO: 'on', DATA_DIR: dataDir, UPLOAD_PART_SIZE_MIN: String(PART_SIZE), ...storeEnv },
        watch,
        [teacher],
      );
      await api.start();
      await teacher.signIn(DEMO_TEACHER);
      // The demo lesson's own media job first: the runner takes one job at a time.
      await pollUntil('the demo lesson to be ready', 60_000, async () => {
        const { items } = await teacher.expect<{ items: Lesson[] }>('GET', '/api/lessons', 200);
        return items.some((l) => l.state === 'ready') ? true : undefined;
      });
      const lesson = await teacher.expect<{ id: string }>('POST', '/api/lessons', 201, {
        title: 'Durability: a lesson uploaded through two crashes',
        taughtOn: '2026-11-10',
        grade: '4',
        topic: 'Fractions',
        consent: true,
      });
      const uploader = new PartUploader(teacher, watch, data, path.basename(lessonFile));
      const upload = await uploader.start(lesson.id, 201);
      expect(upload.partCount).toBeGreaterThanOrEqual(5);

      // Two whole parts, then the API is killed with the third in flight. On local disk its
      // bytes go to the API: they trickle out and are cut off halfway. On S3 they go to the
      // store, which is not killed: the part arrives whole while the API is dead.
      for (const n of [1, 2]) expect(await uploader.put(upload, n)).toHaveProperty('etag');
      const local = store === 'local disk';
      let killing: Promise<void> | undefined;
      const third = await uploader.put(upload, 3, {
        trickle: local,
        now: () => {
          killing ??= api.kill();
        },
      });
      if (!killing) throw new Error('the API was not killed during part 3');
      await killing;
      expect(third).toHaveProperty(local ? 'error' : 'etag');

      await api.start();
      await teacher.expect('GET', '/api/me', 200);
      const stored = await uploader.storedParts(upload);
      const storedNumbers = stored.map((p) => p.partNumber).sort((a, b) => a - b);
      expect(storedNumbers).toEqual([...uploader.sentWhole.keys()].sort((a, b) => a - b));
      for (const part of stored) {
        expect(sameEtag(part.etag, uploader.sentWhole.get(part.partNumber) ?? '')).toBe(true);
        expect(part.size).toBe(uploader.part(upload, part.partNumber).length);
      }
      const { upload: current } = await teacher.expect<{
        upload: { id: string; bytesStored: number };
      }>('GET', `/api/lessons/${lesson.id}/upload`, 200);
      expect(current).toMatchObject({
        id: upload.id,
        bytesStored: stored.reduce((n, p) => n + p.size, 0),
      });
      // Picking the same file again resumes the same upload, as the browser does.
      expect((await uploader.start(lesson.id, 200)).id).toBe(upload.id);
      for (let n = 1; n <= upload.partCount; n++) {
        if (storedNumbers.includes(n)) continue;
        expect(await uploader.put(upload, n)).toHaveProperty('etag');
      }
      const parts: StoredPart[] = await uploader.storedParts(upload);
      expect(parts.map((p) => p.partNumber)).toEqual(
        Array.from({ length: upload.partCount }, (_, i) => i + 1),
      );
      await uploader.complete(upload, parts);

      // The media job starts at once; the API is killed while it runs.
      const started = await pollUntil('the media job to start', 30_000, () =>
        api.currentLogs.find((l) => l.msg === 'job started' && l.lessonId === lesson.id),
      );
      const { state } = await teacher.expect<Lesson>('GET', `/api/lessons/${lesson.id}`, 200);
      expect(state).toBe('processing');
      await sleep(randomBetween({ min: 100, max: 600 }));
      await api.kill();
      const jobKilledAtMs = Date.now() - began;
      const doneBeforeKill = api.currentLogs.filter(
        (l) => l.msg === 'job done' && l.lessonId === lesson.id,
      );
      expect(doneBeforeKill, 'the job finished before the kill: nothing was interrupted').toEqual(
        [],
      );

      // The next start takes the job again once the dead worker's lease (60 s) runs out.
      const restarted = Date.now();
      await api.start();
      const ready = await pollUntil(
        'the lesson to be ready',
        150_000,
        async () => {
          const found = await teacher.expect<Lesson>('GET', `/api/lessons/${lesson.id}`, 200);
          if (found.state === 'failed')
            throw new Error(`the lesson failed: ${JSON.stringify(found)}`);
          return found.state === 'ready' ? found : undefined;
        },
        1_000,
      );
      const readyAfterMs = Date.now() - restarted;
      expect(ready.durationMs).toBeGreaterThan(24 * 60_000);

      const media = await teacher.expect<{ poster: { url: string } | null }>(
        'GET',
        `/api/lessons/${lesson.id}/media`,
        200,
      );
      if (!media.poster) throw new Error('the ready lesson has no poster');
      const poster = await fetch(new URL(media.poster.url, teacher.base));
      expect(poster.status).toBe(200);
      const image = Buffer.from(await poster.arrayBuffer());
      expect(image.subarray(0, 3).toString('hex')).toBe('ffd8ff'); // a JPEG
      expect(image.length).toBeGreaterThan(1000);

      const logs = api.allLogs().filter((l) => l.lessonId === lesson.id);
      const count = (msg: string) => logs.filter((l) => l.msg === msg).length;
      expect(await api.stop()).toBe(0);

      const jobs = await db.rows<{ kind: string; state: string; attempts: number }>(
        `select kind, state, attempts from job where lesson_id = '${lesson.id}'`,
      );
      const assets = await db.rows<{ kind: string; n: number }>(
        `select kind, count(*) as n from media_asset where lesson_id = '${lesson.id}' group by kind order by kind`,
      );
      const uploads = await db.rows<{ id: string; state: string }>(
        `select id, state from upload where lesson_id = '${lesson.id}'`,
      );
      console.info(
        `durability of uploads on ${store}: ${upload.partCount} parts of ${PART_SIZE / MiB} MiB, ` +
          `part 3 ${'etag' in third ? 'arrived whole' : 'was cut off'} by the kill; ` +
          `media job killed ${jobKilledAtMs} ms into the test ` +
          `(started at attempt ${String(started.attempt)}), ready ${readyAfterMs} ms after the restart; ` +
          `job ${JSON.stringify(jobs)}; media ${JSON.stringify(assets)}; ${api.kills} kills`,
      );
      expect(jobs).toEqual([{ kind: 'process-lesson', state: 'done', attempts: 2 }]);
      expect(assets).toEqual([
        { kind: 'original', n: 1 },
        { kind: 'poster', n: 1 },
        { kind: 'storyboard', n: 1 },
      ]);
      expect(uploads).toEqual([{ id: upload.id, state: 'completed' }]);
      // Two starts of the job (the killed one and the rerun); one finish.
      expect(count('job started')).toBe(2);
      expect(count('job done')).toBe(1);
      expect(await db.integrity()).toEqual([]);
      if (local) {
        // Nothing of the unfinished upload is left on disk, the cut-off part included.
        const files = await fs.readdir(dataDir, { recursive: true });
        expect(files.filter((f) => path.basename(f) === '.uploads')).toHaveLength(1);
        expect(files.filter((f) => f.includes(`.uploads${path.sep}`))).toEqual([]);
      }
      // The killed job's scratch folder was removed by its rerun.
      expect(await fs.readdir(path.join(dataDir, 'work')).catch(() => [])).toEqual([]);
      expect(watch.serverErrors).toEqual([]);
      expect(watch.failedWhileUp).toEqual([]);
      expect(api.kills).toBe(2);
    }, 240_000);
  });
});
