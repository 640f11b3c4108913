import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import type { Db } from '../db/database';
import { Agent } from '../testing/agent';
import { createTestApi, type TestApi } from '../testing/test-api';
import { isPostgresRun, testDatabaseEnv } from '../testing/test-database';
import { Uploader } from '../testing/uploader';
import { createWorld } from '../testing/world';
import { createBackup } from './backup';
import { runCli } from './main';
import { BACKUP_FILES, EXIT_DIFFERENCES, type Manifest } from './manifest';
import { readInventory } from './object-inventory';
import type { PgTools } from './pg-dump';
import { restoreBackup, type VerifyReport, verifyInstance } from './restore';
import { listTables, readRows } from './tables';

// The restore drill: a populated instance is backed up, restored into an empty one, and the
// new instance must hold every row of every table (whatever tables exist: features that add
// tables are covered without touching this file), serve every media object byte for byte,
// and show the same lessons, clips, annotations and replies through the API.

const DEMO_RECORDING = fileURLToPath(
  new URL('../../../../infra/demo/demo-lesson.mp4', import.meta.url),
);
const MIN = 60_000;

/** Who acts in the populated instance. */
interface Cast {
  programId: string;
  teacherId: string;
  coachId: string;
  teacher: Agent;
  coach: Agent;
}

const tempDir = (prefix: string) => fs.mkdtemp(path.join(os.tmpdir(), prefix));

/**
 * pg_dump and pg_restore from the throwaway server's own installation (the newest in
 * /usr/lib/postgresql, as test/support/postgres.ts picks it): they must be as new as the server.
 */
async function pgTools(): Promise<PgTools> {
  const root = '/usr/lib/postgresql';
  const majors = (await fs.readdir(root).catch(() => [] as string[]))
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? { binDir: path.join(root, majors[0], 'bin') } : {};
}

/**
 * A new, empty instance: its own DATA_DIR and, in the PostgreSQL project, its own empty
 * database (named in the folder, so createTestApi reopens that same database).
 */
async function emptyInstance(): Promise<Record<string, string>> {
  const dir = await tempDir('elevate-restored-');
  return { DATA_DIR: dir, ...(await testDatabaseEnv(dir)) };
}

/**
 * What every drill adds, on any database: a recording uploaded the way browsers upload, a
 * reviewed lesson (two clips, a public note with the teacher's reply, a private note) and
 * the demo lesson (stored media, clips, notes, transcript, a queued job).
 */
async function addContent(api: TestApi, cast: Cast): Promise<void> {
  const lesson = (title: string) =>
    cast.teacher.call<{ id: string }>('POST', '/api/lessons', 201, {
      json: { title, taughtOn: '2026-11-02', grade: '4', topic: 'Fractions', consent: true },
    });
  const { body: uploaded } = await lesson('Equivalent fractions');
  const uploader = new Uploader(cast.teacher, randomBytes(300 * 1024));
  await uploader.finish(await uploader.start(uploaded.id, 'equivalent-fractions.mp4'));

  const { body: reviewed } = await lesson('Fraction strips');
  await api.ctx.db
    .updateTable('lesson')
    .set({ state: 'ready', duration_ms: 40 * MIN })
    .where('id', '=', reviewed.id)
    .execute();
  for (const [position, startMs] of [
    [1, 2 * MIN],
    [2, 20 * MIN],
  ] as const) {
    await cast.coach.call('PUT', `/api/lessons/${reviewed.id}/clips/${position}`, 200, {
      json: { startMs, endMs: startMs + 5 * MIN, summary: `Clip ${position}`, reason: 'Drill' },
    });
  }
  const note = (visibility: 'public' | 'private', body: string) =>
    cast.coach.call<{ id: string }>('POST', `/api/lessons/${reviewed.id}/annotations`, 201, {
      json: { visibility, startMs: 3 * MIN, endMs: 4 * MIN, body, codeIds: ['STEXPL'] },
    });
  const { body: shared } = await note('public', 'Students explain why 2/4 = 1/2.');
  await note('private', 'Planning: ask about the unit whole.');
  await cast.teacher.call('POST', `/api/annotations/${shared.id}/replies`, 201, {
    json: { body: 'I will try that tomorrow.' },
  });

  // The coaching cycle's own records: a goal, and a log saved twice (two versions kept).
  const { body: goal } = await cast.teacher.call<{ id: string }>(
    'POST',
    `/api/teachers/${cast.teacherId}/goals`,
    201,
    { json: { codeId: 'STEXPL', text: 'Students explain their reasoning.' } },
  );
  const { body: cycles } = await cast.coach.call<{ items: Array<{ id: string }> }>(
    'GET',
    '/api/cycles',
    200,
  );
  const cycleId = cycles.items[0]?.id;
  if (!cycleId) throw new Error('the drill needs a cycle');
  const fields = {
    conversationDate: '2026-11-20',
    lessonDate: '2026-11-02',
    focusCodeIds: ['STEXPL'],
    highlights: 'Pairs explained their strategies.',
    summary: 'Elevate: ask a second student to restate.',
    teacherNextStep: 'Ask “how do you know?” twice per lesson.',
    coachNextSteps: 'Find a stock clip on restating.',
    nextVideoDueOn: '2026-12-04',
    nextMeetingAt: '2026-12-08T22:00:00.000Z',
    goalIds: [goal.id],
    links: [],
  };
  await cast.teacher.call('PUT', `/api/cycles/${cycleId}/log`, 200, {
    json: { baseVersion: 0, fields },
  });
  await cast.coach.call('PUT', `/api/cycles/${cycleId}/log`, 200, {
    json: { baseVersion: 1, fields: { ...fields, coachNextSteps: 'Send the restating clip.' } },
  });

  const demo = await api.ctx.services.demo.seedLesson(
    cast.programId,
    cast.teacherId,
    cast.coachId,
    DEMO_RECORDING,
  );
  if (!demo) throw new Error(`the demo recording is missing: ${DEMO_RECORDING}`);
}

/** Rows as comparable strings: key order and row order do not matter. */
function canonical(rows: Record<string, unknown>[]): string[] {
  return rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((key) => [key, row[key]]),
      ),
    )
    .sort();
}

async function snapshot(db: Db): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  for (const table of await listTables(db)) tables.set(table, canonical(await readRows(db, table)));
  return tables;
}

async function sha256Of(api: TestApi, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await api.ctx.storage.getStream(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const databaseName = isPostgresRun() ? 'PostgreSQL' : 'SQLite';

describe(`restore drill on ${databaseName} and local disk`, { timeout: 120_000 }, () => {
  let source: TestApi;
  let cast: Cast;
  let target: TestApi;
  let targetEnv: Record<string, string>;
  let backupDir: string;
  let manifest: Manifest;
  let report: VerifyReport;
  let before: Map<string, string[]>;
  let after: Map<string, string[]>;

  beforeAll(async () => {
    const world = await createWorld();
    source = world.api;
    cast = {
      programId: world.programId,
      teacherId: world.users.teacherOwner.id,
      coachId: world.users.coach.id,
      teacher: world.as('teacherOwner'),
      coach: world.as('coach'),
    };
    await addContent(source, cast);
    const pg = await pgTools();
    backupDir = path.join(await tempDir('elevate-backup-'), 'backup');
    manifest = await createBackup(source.ctx.config, backupDir, { pg });
    before = await snapshot(source.ctx.db);

    // The world's AUTH_SECRET is configuration: the operator carries it over, not the backup.
    targetEnv = { ...(await emptyInstance()), AUTH_SECRET: source.ctx.config.authSecret ?? '' };
    report = await restoreBackup(loadConfig({ ...targetEnv, LOG_LEVEL: 'silent' }), backupDir, {
      pg,
    });
    target = await createTestApi({ AUTH_SECRET: targetEnv.AUTH_SECRET ?? '' }, targetEnv.DATA_DIR);
    after = await snapshot(target.ctx.db);
  }, 240_000);

  afterAll(async () => {
    await target?.close();
    await source?.close();
    if (backupDir) await fs.rm(path.dirname(backupDir), { recursive: true, force: true });
  });

  it('backs up a populated instance: every table counted, every object listed', async () => {
    const counts = manifest.database.tables;
    expect(manifest.database.dialect).toBe(isPostgresRun() ? 'postgres' : 'sqlite');
    const populated = ['lesson', 'clip', 'annotation', 'annotation_reply', 'media_asset', 'cycle'];
    for (const table of [...populated, 'collab_log', 'goal']) {
      expect(counts[table], table).toBeGreaterThanOrEqual(table === 'annotation' ? 3 : 1);
    }
    expect(counts.log_version).toBeGreaterThanOrEqual(2);
    expect(Object.keys(counts).sort()).toEqual([...before.keys()]);
    for (const [table, rows] of before) expect(counts[table], table).toBe(rows.length);
    const listed = await readInventory(path.join(backupDir, BACKUP_FILES.objects));
    const keys = await source.ctx.db.selectFrom('media_asset').select('storage_key').execute();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(listed.map((entry) => entry.key)).toEqual(
      expect.arrayContaining(keys.map((row) => row.storage_key)),
    );
    expect(manifest.storage).toMatchObject({ objects: listed.length, mediaCopied: true });
  });

  it('restores every row of every table', () => {
    expect(report.ok).toBe(true);
    expect(report.tables).toEqual([]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
  });

  it('serves every media object byte for byte', async () => {
    const assets = await target.ctx.db.selectFrom('media_asset').select('storage_key').execute();
    for (const { storage_key: key } of assets) {
      expect(await sha256Of(target, key), key).toBe(await sha256Of(source, key));
    }
    expect(report.objects).toMatchObject({
      missing: [],
      sizeDiffers: [],
      etagDiffers: [],
      extra: 0,
    });
  });

  it('shows every lesson, clip, annotation and reply to the same signed-in users', async () => {
    const lessons = await source.ctx.db
      .selectFrom('lesson')
      .select('id')
      .where('teacher_id', '=', cast.teacherId)
      .execute();
    expect(lessons.length).toBeGreaterThanOrEqual(4);
    // The same session cookies: the sessions came back with the database.
    const onTarget = {
      teacher: new Agent(target.app, cast.teacher.cookie),
      coach: new Agent(target.app, cast.coach.cookie),
    };
    const { body: listed } = await onTarget.teacher.call<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/lessons',
      200,
    );
    expect(listed.items.map((l) => l.id).sort()).toEqual(lessons.map((l) => l.id).sort());
    let annotations = 0;
    let replies = 0;
    for (const { id } of lessons) {
      type Timeline = { clips: unknown[]; annotations: Array<{ replies?: unknown[] }> };
      const timeline = `/api/lessons/${id}/timeline`;
      const restored = await onTarget.coach.call<Timeline>('GET', timeline, 200);
      const original = await cast.coach.call<Timeline>('GET', timeline, 200);
      expect(restored.body.clips, id).toEqual(original.body.clips);
      expect(restored.body.annotations, id).toEqual(original.body.annotations);
      annotations += restored.body.annotations.length;
      replies += restored.body.annotations.reduce((n, a) => n + (a.replies?.length ?? 0), 0);
    }
    expect(annotations).toBeGreaterThanOrEqual(4);
    expect(replies).toBeGreaterThanOrEqual(2);
  });

  it('verify finds a missing object; restore refuses an instance that is not empty', async () => {
    const [first] = await readInventory(path.join(backupDir, BACKUP_FILES.objects));
    if (!first) throw new Error('no object listed');
    await target.ctx.storage.delete(first.key);
    const checked = await verifyInstance(loadConfig(targetEnv), backupDir);
    expect(checked.ok).toBe(false);
    expect(checked.objects.missing).toEqual([first.key]);
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    expect(await runCli(['verify', backupDir], targetEnv, out)).toBe(EXIT_DIFFERENCES);
    expect(lines).toContain(`MISSING object ${first.key}`);
    expect(await runCli(['restore', backupDir], targetEnv, out)).toBe(1);
    expect(lines.at(-1)).toMatch(/restore into an empty instance/);
  });
});

describe(`backup and restore on ${databaseName}: the generated session secret`, () => {
  it('travels with the backup', async () => {
    const source = await createTestApi();
    const target = await emptyInstance();
    try {
      const secret = await fs.readFile(path.join(source.dataDir, 'auth-secret'), 'utf8');
      const dir = path.join(await tempDir('elevate-backup-'), 'backup');
      const pg = await pgTools();
      const manifest = await createBackup(source.ctx.config, dir, { pg });
      expect(manifest.authSecret).toBe(true);
      const restored = await restoreBackup(loadConfig(target), dir, { pg });
      expect(restored.ok).toBe(true);
      const copied = path.join(target.DATA_DIR as string, 'auth-secret');
      expect(await fs.readFile(copied, 'utf8')).toBe(secret);
      await fs.rm(path.dirname(dir), { recursive: true, force: true });
    } finally {
      await source.close();
      await (await createTestApi({}, target.DATA_DIR)).close(); // drops its database
    }
  });
});

describe(`the backup script on ${databaseName}, as an operator runs it`, () => {
  const script = fileURLToPath(new URL('../../../../infra/scripts/backup.mjs', import.meta.url));
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [script, ...args], {
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr.on('data', (chunk) => {
        output += String(chunk);
      });
      child.on('exit', (code) => resolve({ code, output }));
    });

  it('backs up, restores into an empty instance and verifies it', {
    timeout: 120_000,
  }, async () => {
    const world = await createWorld();
    const target = await emptyInstance();
    const dir = path.join(await tempDir('elevate-backup-'), 'nightly');
    const pg = await pgTools();
    const pgBin = pg.binDir ? ['--pg-bin', pg.binDir] : [];
    const sourceEnv = {
      DATA_DIR: world.api.dataDir,
      ...(world.api.ctx.config.database.dialect === 'postgres'
        ? { DATABASE_URL: world.api.ctx.config.database.url }
        : {}),
    };
    try {
      const backup = await run(['backup', dir, ...pgBin], sourceEnv);
      expect(backup.output).toContain('backup written to');
      expect(backup.code).toBe(0);
      const again = await run(['backup', dir], sourceEnv);
      expect(again.code).toBe(1);
      expect(again.output).toContain('is not empty');
      const restore = await run(['restore', dir, ...pgBin], target);
      expect(restore.output).toMatch(/database: all \d+ tables match the backup/);
      expect(restore.code).toBe(0);
      expect((await run(['verify', dir], target)).code).toBe(0);
      expect((await run(['verify'], target)).code).toBe(2);
    } finally {
      await world.api.close();
      await (await createTestApi({}, target.DATA_DIR)).close();
      await fs.rm(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
