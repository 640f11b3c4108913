#!/usr/bin/env node
// Timeline benchmark: one lesson with 5,000 annotations and 5,000 replies; the call that
// returns the whole timeline (clips, annotations, replies) under concurrent load, beside
// a trivial route of the same server in the same run. Prints p50/p95/p99 and throughput.
// Loopback only, bounded in requests and time.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from './lib/load-api.mjs';
import { ensureApiBuilt, memoryOf, requireFromApi, startApi } from './lib/processes.mjs';

const { values: args } = parseArgs({
  options: {
    annotations: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '16' },
    build: { type: 'boolean', default: false },
  },
});
const ANNOTATIONS = Number(args.annotations);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);

/** Inserts the annotations and replies straight into the SQLite file (seeding, not measured). */
function seed(dataDir, lessonId) {
  const Database = requireFromApi('better-sqlite3');
  const db = new Database(path.join(dataDir, 'elevate.sqlite'));
  db.pragma('busy_timeout = 5000');
  const coach = db
    .prepare("select id from auth_user where email = 'coach@demo.elevate.test'")
    .get();
  const teacher = db
    .prepare("select id from auth_user where email = 'teacher@demo.elevate.test'")
    .get();
  const duration = db
    .prepare('select duration_ms from lesson where id = ?')
    .get(lessonId).duration_ms;
  const codes = [
    'STEXPL',
    'SMQR',
    'TCD',
    'LINK',
    'EXPL',
    'REMED',
    'USEPROD',
    'MLANG',
    'LANGIMP',
    'CTX',
  ];
  const now = new Date().toISOString();
  const note = db.prepare(
    `insert into annotation (id, lesson_id, author_id, visibility, start_ms, end_ms, body, code_ids,
      teacher_does, students_do, rubric_relation, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?)`,
  );
  const reply = db.prepare(
    'insert into annotation_reply (id, annotation_id, lesson_id, author_id, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < ANNOTATIONS; i++) {
      const id = crypto.randomUUID();
      const start = Math.floor((i / ANNOTATIONS) * (duration - 10_000));
      const visibility = i % 5 === 0 ? 'private' : 'public';
      const body = `Note ${i}: students compare strategies and explain why the representation works.`;
      note.run(
        id,
        lessonId,
        coach.id,
        visibility,
        start,
        i % 3 ? start + 8000 : null,
        body,
        JSON.stringify([codes[i % codes.length]]),
        now,
        now,
      );
      if (visibility === 'public')
        reply.run(crypto.randomUUID(), id, lessonId, teacher.id, `Reply to ${i}`, now, now);
      if (visibility === 'public' && i % 4 === 0)
        reply.run(crypto.randomUUID(), id, lessonId, coach.id, `Follow-up ${i}`, now, now);
    }
  })();
  const counts = db
    .prepare(
      'select (select count(*) from annotation) as a, (select count(*) from annotation_reply) as r',
    )
    .get();
  db.close();
  return counts;
}

async function load(client, pathname) {
  const times = [];
  let errors = 0;
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      const res = await fetch(new URL(pathname, client.origin), {
        headers: { cookie: client.cookie },
      });
      const body = await res.arrayBuffer();
      bytes = body.byteLength;
      if (!res.ok) errors++;
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: times.length / seconds, errors, bytes };
}

async function main() {
  ensureApiBuilt(args.build);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-bench-timeline-'));
  const api = await startApi({ dataDir, env: { RUN_WORKER: 'on' } });
  try {
    const coach = new Session(api.origin);
    await coach.signIn('coach@demo.elevate.test', 'elevate-demo-2026');
    let lesson;
    for (let i = 0; i < 120; i++) {
      [lesson] = (await coach.json('GET', '/api/lessons', 200)).items;
      if (lesson?.state === 'ready') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (lesson?.state !== 'ready') throw new Error('the demo lesson was not processed');
    const counts = seed(dataDir, lesson.id);
    const timeline = `/api/lessons/${lesson.id}/timeline`;
    const check = await coach.json('GET', timeline, 200);
    console.log(
      `lesson ${lesson.id}: ${counts.a} annotations, ${counts.r} replies in the database; the coach's timeline returns ${check.annotations.length} annotations`,
    );
    await load(coach, '/api/health'); // warm-up
    await load(coach, timeline);
    const trivial = await load(coach, '/api/health');
    const whole = await load(coach, timeline);
    const rss = memoryOf(api.pid);
    const row = (name, r) =>
      `| ${name.padEnd(28)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p95.toFixed(1).padStart(7)} | ${r.p99.toFixed(1).padStart(7)} | ${r.rps.toFixed(1).padStart(8)} | ${String(r.errors).padStart(6)} | ${(r.bytes / 1e6).toFixed(2).padStart(8)} |`;
    console.log(
      `\n${REQUESTS} requests per route, ${CONCURRENCY} at a time, signed in as the coach (loopback)`,
    );
    console.log(
      '| route                        | p50 ms  | p95 ms  | p99 ms  | req/s    | errors | body MB  |',
    );
    console.log(
      '| ---------------------------- | ------- | ------- | ------- | -------- | ------ | -------- |',
    );
    console.log(row('GET /api/health (trivial)', trivial));
    console.log(row('GET …/timeline (whole)', whole));
    console.log(
      `\ntimeline p95 / trivial p95 = ${(whole.p95 / trivial.p95).toFixed(1)}x; API RSS after: ${Math.round(rss.rss / 1e6)} MB (peak ${Math.round(rss.hwm / 1e6)} MB)`,
    );
    console.log(
      `machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`,
    );
  } finally {
    await api.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
