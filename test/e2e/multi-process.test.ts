import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, TEST_ORIGIN } from '../../apps/api/src/testing/agent';
import { Uploader } from '../../apps/api/src/testing/uploader';
import { ensureFixtures, ensureLesson } from '../fixtures/fixtures.mjs';
import { repoRoot } from '../support/build';
import { type RunningPostgres, startPostgres } from '../support/postgres';
import { terminate } from '../support/processes';
import { type RunningRgw, startRgw } from '../support/rgw';
import { type RunningServer, startServer } from '../support/server';

// A district's set-up in miniature: API processes with nothing of their own but the
// environment, sharing one PostgreSQL database and one S3 store (Ceph RGW).
const TEACHER = { email: 'teacher@demo.elevate.test', password: 'elevate-demo-2026' };
const MiB = 1024 * 1024;

let pg: RunningPostgres;
let rgw: RunningRgw;
const started: Array<{ stop(): Promise<unknown> }> = [];

beforeAll(async () => {
  [pg, rgw] = await Promise.all([startPostgres(), startRgw()]);
}, 180_000);
afterAll(async () => {
  for (const process of started.toReversed()) await process.stop();
  await rgw?.stop();
  await pg?.stop();
});

/** The settings every process of one installation shares (one database, one bucket). */
async function installation(database: string): Promise<Record<string, string>> {
  return {
    DATABASE_URL: await pg.createDatabase(database),
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: rgw.endpoint,
    S3_BUCKET: `${database.replaceAll('_', '-')}-media`,
    S3_ACCESS_KEY_ID: rgw.accessKeyId,
    S3_SECRET_ACCESS_KEY: rgw.secretAccessKey,
    S3_CORS_ORIGINS: TEST_ORIGIN,
    // Behind one public address (a load balancer): the Origin every browser request
    // carries, whichever process answers it.
    PUBLIC_URL: TEST_ORIGIN,
    // Without it each process would generate its own into its own DATA_DIR.
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    UPLOAD_PART_SIZE_MIN: String(5 * MiB),
    DEMO: 'on',
  };
}

async function startApi(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer(env);
  started.push(server);
  return server;
}

/** An Agent whose requests go over HTTP to a running process. */
function agentOn(server: RunningServer, cookie: string | null = null): Agent {
  const app = { request: (url: string, init?: RequestInit) => fetch(`${server.url}${url}`, init) };
  return new Agent(app, cookie);
}

async function newLesson(agent: Agent, title: string): Promise<string> {
  const { body } = await agent.call<{ id: string }>('POST', '/api/lessons', 201, {
    json: { title, taughtOn: '2026-11-10', grade: '5', topic: 'Area', consent: true },
  });
  return body.id;
}

async function waitUntilReady(agent: Agent, lessonId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await agent.call<{ state: string }>('GET', `/api/lessons/${lessonId}`, 200)).body.state,
      { timeout: 90_000, interval: 500 },
    )
    .toBe('ready');
}

/** How many times each process logged `msg` for the lesson's job. */
function jobLogCount(
  servers: Array<{ logs: Array<Record<string, unknown>> }>,
  msg: string,
  lessonId: string,
) {
  return servers.map((s) => s.logs.filter((l) => l.msg === msg && l.lessonId === lessonId).length);
}

describe('two API processes on one PostgreSQL database and one object store', () => {
  let a: RunningServer;
  let b: RunningServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    env = await installation('elevate_two_apis');
    // The first start migrates and seeds the demo; the second finds both done.
    a = await startApi(env);
    b = await startApi(env);
  }, 120_000);

  it('a user signs in on one and carries on on the other; signing out on it ends the session on both', async () => {
    const onA = await agentOn(a).signIn(TEACHER.email, TEACHER.password);
    const onB = agentOn(b, onA.cookie);
    const { body: me } = await onB.call<{ user: { email: string } }>('GET', '/api/me', 200);
    expect(me.user.email).toBe(TEACHER.email);
    const lessonId = await newLesson(onB, 'Made through B');
    await onA.call('GET', `/api/lessons/${lessonId}`, 200);

    await onB.call('POST', '/api/auth/sign-out', 200, { json: {} });
    await onA.call('GET', '/api/me', 401);
  });

  it('an upload started through one completes through the other; its job runs once', async () => {
    const data = await fs.readFile(await ensureLesson(6)); // ~7 MB: two 5 MiB parts
    const onA = await agentOn(a).signIn(TEACHER.email, TEACHER.password);
    const onB = agentOn(b, onA.cookie);
    const lessonId = await newLesson(onA, 'Uploaded across processes');
    const up = new Uploader(onA, data);
    const upload = await up.start(lessonId, 'lesson.mp4');
    expect(upload.partCount).toBe(2);
    expect((await up.put(upload, 1)).ok).toBe(true);

    up.useAgent(onB); // the next requests reach the other process
    expect(await up.listParts(upload)).toEqual([1]);
    expect((await up.put(upload, 2)).ok).toBe(true);
    await up.complete(upload);

    await waitUntilReady(onA, lessonId);
    expect(jobLogCount([a, b], 'job done', lessonId).reduce((x, y) => x + y)).toBe(1);
    expect(jobLogCount([a, b], 'job started', lessonId).reduce((x, y) => x + y)).toBe(1);
    const rows = await pg.query(
      'elevate_two_apis',
      `select kind, state, attempts from job where lesson_id = '${lessonId}'`,
    );
    expect(rows.trim()).toBe('process-lesson|done|1');
  });

  it('jobs enqueued through either process each run exactly once while both run workers', async () => {
    const { shortH264 } = await ensureFixtures();
    const data = await fs.readFile(shortH264);
    const onA = await agentOn(a).signIn(TEACHER.email, TEACHER.password);
    const agents = [onA, agentOn(b, onA.cookie)];
    const lessonIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const agent = agents[i % 2] as Agent;
      const lessonId = await newLesson(agent, `Short lesson ${i}`);
      const up = new Uploader(agent, data);
      await up.finish(await up.start(lessonId, `short-${i}.mp4`));
      lessonIds.push(lessonId);
    }

    for (const lessonId of lessonIds) await waitUntilReady(onA, lessonId);
    for (const lessonId of lessonIds) {
      expect(jobLogCount([a, b], 'job started', lessonId).reduce((x, y) => x + y)).toBe(1);
    }
    // Every job the installation queued (the demo's and each test's) ran once, and only once.
    const unusual = await pg.query(
      'elevate_two_apis',
      `select id, state, attempts from job where not (state = 'done' and attempts = 1)`,
    );
    expect(unusual.trim()).toBe('');
  });
});

describe('`elevate worker`: the media worker as a process of its own', () => {
  it('takes the jobs an API started with RUN_WORKER=off only enqueues', async () => {
    const env = await installation('elevate_worker');
    const api = await startApi({ ...env, RUN_WORKER: 'off' });
    const worker = await startWorker(env);
    const teacher = await agentOn(api).signIn(TEACHER.email, TEACHER.password);
    const { shortH264 } = await ensureFixtures();
    const lessonId = await newLesson(teacher, 'Processed by the worker');
    const up = new Uploader(teacher, await fs.readFile(shortH264));
    await up.finish(await up.start(lessonId, 'short.mp4'));

    await waitUntilReady(teacher, lessonId);
    expect(jobLogCount([api, worker], 'job done', lessonId)).toEqual([0, 1]);
    expect(api.logs.some((l) => l.msg === 'job started')).toBe(false);
    expect(await worker.stop()).toBe(0);
  });
});

interface RunningWorker {
  logs: Array<Record<string, unknown>>;
  stop(): Promise<number | null>;
}

/** Starts the built worker bundle (what `elevate worker` runs) and waits until it says so. */
async function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-worker-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'apps/api/dist/worker.js')],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${stderr}`)), 30_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'Elevate worker is running') {
          clearTimeout(timer);
          resolve();
        }
      } catch {
        // not a log line
      }
    });
    exited.then((code) => reject(new Error(`worker exited with ${code}:\n${stderr}`)));
  });
  const worker = {
    logs,
    async stop() {
      await terminate(child, 15_000);
      await fs.rm(dataDir, { recursive: true, force: true });
      return exited;
    },
  };
  started.push(worker);
  return worker;
}
