#!/usr/bin/env node
// Load benchmark: 200 concurrent people reviewing lessons on the embedded defaults (SQLite,
// local disk, media worker in the API process) while 5 uploads run. Each person is one
// autocannon instance with one keep-alive connection and their own session, acting once a
// second: coaches read the timeline, write a note, reply to it, open the cycle's log and
// save it (with the version they read); teachers read the timeline, reply to a note, open
// and save their log. A few probes call GET /api/health all along: the same-run baseline.
// Prints p50/p95/p99 per route, errors, requests/s and the API's memory. Loopback only,
// bounded in time (--duration).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ensureLesson } from '../fixtures/fixtures.mjs';
import { Session, uploadLesson } from './lib/load-api.mjs';
import { machine, ms, quantile, table, writeJson } from './lib/load-report.mjs';
import { eachLimited, seedProgram } from './lib/load-seed.mjs';
import { cpuOf, ensureApiBuilt, memoryOf, startApi, watchMemory } from './lib/processes.mjs';

const USAGE = `node test/bench/load.mjs [options]
  --duration S      seconds of load (default 60)
  --users N         concurrent people (default 200; a fifth of them coaches)
  --rate N          requests per second per person (default 1, autocannon's minimum)
  --uploads N       uploads running at the same time (default 5)
  --upload-mbps N   each upload's pace in MB/s, as a school network (default 2; 0: unpaced)
  --upload-minutes N  the uploaded lesson's length (default 25: 27 MB of 720p)
  --notes N         notes per seeded lesson (default 60)
  --teachers N      teachers (default 20; 4 coaches)
  --api-env K=V     an extra environment variable for the API (repeatable), to try a setting
                   such as UV_THREADPOOL_SIZE=16
  --worker-nice N  an experiment: renice the API's ffmpeg children to N (e.g. 10) from
                   outside, as if the worker ran media jobs at a lower priority
  --api-cpu-prof DIR  write the API's .cpuprofile there
  --keep            keep the data directory (to look at query plans after)
  --json FILE       also write the figures as one JSON line (- for stdout)
  --build           rebuild apps/api first`;

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    users: { type: 'string', default: '200' },
    rate: { type: 'string', default: '1' },
    uploads: { type: 'string', default: '5' },
    'upload-mbps': { type: 'string', default: '2' },
    'upload-minutes': { type: 'string', default: '25' },
    notes: { type: 'string', default: '60' },
    teachers: { type: 'string', default: '20' },
    'api-cpu-prof': { type: 'string' },
    'worker-nice': { type: 'string' },
    'api-env': { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const DURATION = Number(args.duration);
const USERS = Number(args.users);
const RATE = Math.max(1, Math.round(Number(args.rate)));
const UPLOADS = Number(args.uploads);
const UPLOAD_BPS = Number(args['upload-mbps']) * 1e6;
const TEACHERS = Number(args.teachers);
const COACHES = 4;
const READ_P95_TARGET_MS = 100;
/** What "memory bounded" means here: the API stays well inside a small instance's memory. */
const MEMORY_LIMIT_MB = 512;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const log = (...a) => console.log(...a);

/** Route name → { times: ms[], statuses: Map } */
const routes = new Map();
/** When the load began (performance.now()), and the seconds of it in which answers were slow. */
let loadStartedAt = 0;
const SLOW_MS = READ_P95_TARGET_MS;
const slowBySecond = new Map();
/** Seconds of the load at which an upload was completed (then processed). */
const uploadsCompletedAt = [];
function record(route, status, ms) {
  if (ms > SLOW_MS && loadStartedAt) {
    const second = Math.floor((performance.now() - ms - loadStartedAt) / 1000);
    slowBySecond.set(second, (slowBySecond.get(second) ?? 0) + 1);
  }
  let r = routes.get(route);
  if (!r) {
    r = { times: [], statuses: new Map(), errors: 0 };
    routes.set(route, r);
  }
  r.times.push(ms);
  r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
  if (status < 200 || status >= 300) r.errors++;
}

/** One person: an autocannon instance of one connection going through their visit. */
function person(origin, user, { duration, connectionRate }) {
  const headers = { cookie: user.cookie, origin, 'content-type': 'application/json' };
  let visits = 0;
  const timeline = {
    route: 'GET /api/lessons/:id/timeline',
    method: 'GET',
    path: `/api/lessons/${user.lessonId}/timeline`,
    headers,
  };
  const note = {
    route: 'POST /api/lessons/:id/annotations',
    method: 'POST',
    path: `/api/lessons/${user.lessonId}/annotations`,
    headers,
    setupRequest: (req) => {
      visits++;
      const startMs = (visits * 7919) % Math.max(1, user.durationMs - 2000);
      return {
        ...req,
        body: JSON.stringify({
          visibility: 'public',
          startMs,
          endMs: startMs + 1500,
          body: `Load note ${visits}: the class compares two ratio tables.`,
          codeIds: ['SMQR'],
        }),
      };
    },
    onResponse: (status, body, context) => {
      if (status === 201) context.noteId = JSON.parse(body).id;
    },
  };
  const reply = {
    route: 'POST /api/annotations/:id/replies',
    method: 'POST',
    headers,
    setupRequest: (req, context) => {
      const id =
        context.noteId ?? user.publicNotes[(visits++ * 31 + user.index) % user.publicNotes.length];
      return {
        ...req,
        path: `/api/annotations/${id}/replies`,
        body: JSON.stringify({ body: `Reply ${visits}: they saw why the rows are equivalent.` }),
      };
    },
  };
  const getLog = {
    route: 'GET /api/cycles/:id/log',
    method: 'GET',
    path: `/api/cycles/${user.cycleId}/log`,
    headers,
    onResponse: (status, body, context) => {
      if (status === 200) context.log = JSON.parse(body);
    },
  };
  const putLog = {
    route: 'PUT /api/cycles/:id/log',
    method: 'PUT',
    path: `/api/cycles/${user.cycleId}/log`,
    headers,
    setupRequest: (req, context) => {
      if (!context.log) return null; // the read failed: start the visit again
      const field = user.role === 'coach' ? 'coachNextSteps' : 'teacherNextStep';
      return {
        ...req,
        body: JSON.stringify({
          baseVersion: context.log.version,
          fields: { ...context.log.fields, [field]: `Try a double number line (${visits}).` },
        }),
      };
    },
  };
  const requests =
    user.role === 'coach'
      ? [timeline, note, reply, getLog, putLog]
      : [timeline, reply, getLog, putLog];
  return runInstance(origin, { connections: 1, duration, connectionRate, requests });
}

/** Starts an autocannon instance, records each answer under its request's route. */
function runInstance(origin, options) {
  const instance = autocannon({ url: origin, timeout: 30, ...options });
  instance.on('response', (client, status, _bytes, time) => {
    const route = client.requestIterator?.currentRequest?.route ?? options.route;
    record(route, status, time);
  });
  return new Promise((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
}

/** Five teachers uploading a lesson each, again and again, until the deadline. */
async function uploaders(origin, teachers, data, deadline) {
  const done = [];
  let failed = 0;
  await Promise.all(
    teachers.slice(0, UPLOADS).map(async (t, i) => {
      const session = await new Session(origin).signIn(t.email, t.password);
      for (let n = 1; Date.now() < deadline; n++) {
        try {
          const lesson = await session.createLesson(`Upload under load ${i + 1}.${n}`);
          done.push(await uploadLesson(session, lesson.id, data, { bytesPerSecond: UPLOAD_BPS }));
          uploadsCompletedAt.push(Math.round((performance.now() - loadStartedAt) / 1000));
        } catch (error) {
          failed++;
          console.error(`upload ${i + 1}.${n} failed: ${error.message}`);
        }
      }
    }),
  );
  return { done, failed };
}

/** Renices every child of `parent` named `name` to `nice` every 100 ms, until stopped. */
function reniceChildren(parent, name, nice) {
  const done = new Set();
  const timer = setInterval(async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      if (done.has(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === parent && comm === name) {
          os.setPriority(Number(pid), nice);
          done.add(pid);
        }
      } catch {
        // gone meanwhile
      }
    }
  }, 100);
  return { stop: () => clearInterval(timer), count: () => done.size };
}

/** The busiest processes on the machine that are not ours (what else shared the cores). */
async function otherWork() {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) =>
    execFile('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], (_e, out = '') =>
      resolve(
        out
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && Number.parseFloat(l) >= 5)
          .slice(0, 6)
          .join(', '),
      ),
    ),
  );
}

async function main() {
  ensureApiBuilt(args.build);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-bench-load-'));
  const flags = args['api-cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['api-cpu-prof'])}`]
    : [];
  const api = await startApi({
    dataDir,
    flags,
    env: {
      RUN_WORKER: 'on',
      STORAGE_DRIVER: 'local',
      ...Object.fromEntries(args['api-env'].map((kv) => kv.split(/=(.*)/s).slice(0, 2))),
    },
  });
  const origin = api.origin;
  log(
    `API ${origin} (pid ${api.pid}), data ${dataDir}; embedded defaults: SQLite, local disk${args['api-env'].length ? `; with ${args['api-env'].join(' ')}` : ''}`,
  );
  try {
    const [small, uploadFile] = await Promise.all([
      ensureLesson(1),
      ensureLesson(Number(args['upload-minutes'])),
    ]);
    const seeded = await seedProgram(origin, {
      coaches: COACHES,
      teachers: TEACHERS,
      notes: Number(args.notes),
      cyclesPerTeacher: Math.ceil(USERS / TEACHERS),
      lessonData: await fs.readFile(small),
      log,
    });

    // The people: a fifth coaches, each on their teachers' lessons; every person has a log
    // of their own to edit (a cycle nobody else saves at the same time).
    const coachUsers = Math.round(USERS / 5);
    const slots = [];
    const nextCycle = new Map();
    const takeCycle = (t) => {
      const i = nextCycle.get(t) ?? 0;
      nextCycle.set(t, i + 1);
      return t.cycles[i % t.cycles.length].id;
    };
    for (let i = 0; i < USERS - coachUsers; i++) {
      const t = seeded.teachers[i % seeded.teachers.length];
      slots.push({ role: 'teacher', account: t, teacher: t });
    }
    for (let i = 0; i < coachUsers; i++) {
      const coach = seeded.coaches[i % seeded.coaches.length];
      const mine = seeded.teachers.filter((t) => t.coach === coach);
      const t = mine[Math.floor(i / seeded.coaches.length) % mine.length];
      slots.push({ role: 'coach', account: coach, teacher: t });
    }
    const users = slots.map((s, index) => ({
      index,
      role: s.role,
      account: s.account,
      lessonId: s.teacher.lessonId,
      durationMs: s.teacher.lesson.durationMs,
      publicNotes: s.teacher.publicNotes,
      cycleId: takeCycle(s.teacher),
    }));
    const shared = users.length - new Set(users.map((u) => u.cycleId)).size;
    await eachLimited(users, 4, async (u) => {
      u.cookie = (await new Session(origin).signIn(u.account.email, u.account.password)).cookie;
    });
    log(
      `${users.length} people signed in (${coachUsers} coaches' sessions, ${users.length - coachUsers} teachers'), ${shared} logs shared by two people`,
    );

    const uploadData = await fs.readFile(uploadFile);
    // Warm-up: every route once per person, not recorded.
    await Promise.all(
      users.map((u) =>
        fetch(new URL(`/api/lessons/${u.lessonId}/timeline`, origin), {
          headers: { cookie: u.cookie },
        }).then((r) => r.arrayBuffer()),
      ),
    );

    // Baseline alone: the health probes with nothing else running (10 s).
    const probes = 10;
    await Promise.all(
      Array.from({ length: probes }, (_, i) =>
        new Promise((r) => setTimeout(r, (i * 1000) / probes)).then(() =>
          runInstance(origin, {
            connections: 1,
            duration: 10,
            connectionRate: RATE,
            route: 'GET /api/health (idle)',
            url: `${origin}/api/health`,
          }),
        ),
      ),
    );

    log(
      `load: ${users.length} people at ${RATE} request/s each, ${UPLOADS} uploads of ${(uploadData.length / 1e6).toFixed(1)} MB at ${UPLOAD_BPS / 1e6 || '∞'} MB/s, ${DURATION} s`,
    );
    const renice =
      args['worker-nice'] !== undefined
        ? reniceChildren(api.pid, 'ffmpeg', Number(args['worker-nice']))
        : null;
    const memory = watchMemory(api.pid, 250);
    const series = [];
    const sampler = setInterval(() => series.push(memoryOf(api.pid).rss), 1000);
    const cpuBefore = cpuOf(api.pid);
    const clientCpuBefore = process.cpuUsage();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    loadStartedAt = started;
    const deadline = Date.now() + DURATION * 1000;
    const load = Promise.all([
      // Start times spread over a second, so people do not act in lockstep.
      ...users.map((u) =>
        new Promise((r) => setTimeout(r, (u.index * 1000) / users.length)).then(() =>
          person(origin, u, { duration: DURATION, connectionRate: RATE }),
        ),
      ),
      ...Array.from({ length: probes }, (_, i) =>
        new Promise((r) => setTimeout(r, (i * 1000) / probes)).then(() =>
          runInstance(origin, {
            connections: 1,
            duration: DURATION,
            connectionRate: RATE,
            route: 'GET /api/health (under load)',
            url: `${origin}/api/health`,
          }),
        ),
      ),
    ]);
    let loadSeconds = DURATION;
    const [results, uploads] = await Promise.all([
      load.then((r) => {
        loadSeconds = (performance.now() - started) / 1000;
        return r;
      }),
      uploaders(origin, seeded.teachers, uploadData, deadline),
    ]);
    const wall = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const mem = memory.stop();
    renice?.stop();
    if (renice)
      log(
        `experiment: ${renice.count()} ffmpeg children of the API reniced to ${args['worker-nice']}`,
      );
    const apiCpu = cpuOf(api.pid) - cpuBefore;
    lag.disable();
    const clientUsage = process.cpuUsage(clientCpuBefore);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
    // What one lesson's timeline holds now (it grew with the load's notes and replies).
    const sample = users.find((u) => u.role === 'coach');
    const after = await fetch(new URL(`/api/lessons/${sample.lessonId}/timeline`, origin), {
      headers: { cookie: sample.cookie },
    }).then((r) => r.text());
    const grown = JSON.parse(after);
    const replyCount = grown.annotations.reduce((n, a) => n + (a.replies?.length ?? 0), 0);
    const loadavg = os.loadavg()[0];
    const others = await otherWork();
    const transportErrors = results.reduce((s, r) => s + r.errors + r.timeouts, 0);

    // The report.
    const order = [
      'GET /api/lessons/:id/timeline',
      'GET /api/cycles/:id/log',
      'POST /api/lessons/:id/annotations',
      'POST /api/annotations/:id/replies',
      'PUT /api/cycles/:id/log',
      'GET /api/health (under load)',
      'GET /api/health (idle)',
    ];
    const reads = new Set(['GET /api/lessons/:id/timeline', 'GET /api/cycles/:id/log']);
    const rows = [];
    const figures = [];
    let totalErrors = 0;
    let totalRequests = 0;
    const healthUnder = routes.get('GET /api/health (under load)');
    for (const name of order) {
      const r = routes.get(name);
      if (!r) continue;
      const p = (q) => quantile(r.times, q);
      const window = name.endsWith('(idle)') ? 10 : loadSeconds;
      if (!name.endsWith('(idle)')) {
        totalErrors += r.errors;
        totalRequests += r.times.length;
      }
      const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
      const isRead = reads.has(name);
      const target = isRead ? `p95 < ${READ_P95_TARGET_MS} ms` : '';
      rows.push([
        name,
        r.times.length,
        (r.times.length / window).toFixed(1),
        ms(p(0.5)),
        ms(p(0.95)),
        ms(p(0.99)),
        ms(Math.max(...r.times)),
        r.errors,
        statuses,
        isRead ? `${p(0.95) < READ_P95_TARGET_MS ? 'met' : 'NOT met'} (${target})` : '',
      ]);
      figures.push({
        name: `load: ${name}`,
        value: `p50 ${ms(p(0.5))} / p95 ${ms(p(0.95))} / p99 ${ms(p(0.99))} ms, ${(r.times.length / window).toFixed(0)} req/s, ${r.errors} errors`,
        ...(name.startsWith('GET /api/health')
          ? {}
          : {
              baseline: `health under load: p50 ${ms(quantile(healthUnder?.times ?? [], 0.5))} / p95 ${ms(quantile(healthUnder?.times ?? [], 0.95))} ms`,
            }),
        ...(isRead ? { target, met: p(0.95) < READ_P95_TARGET_MS } : {}),
      });
    }
    log(
      `\n${users.length} people (${coachUsers} coaching), ${RATE}/s each, ${wall.toFixed(1)} s; ${UPLOADS} uploads at a time; latencies in ms, measured by autocannon from request to full answer`,
    );
    log(
      table(
        ['route', 'requests', 'req/s', 'p50', 'p95', 'p99', 'max', 'errors', 'statuses', 'target'],
        rows,
      ),
    );
    const errorRate = totalRequests ? totalErrors / totalRequests : 0;
    const uploadSeconds = uploads.done.map((u) => u.seconds);
    log(
      `\nall routes: ${totalRequests} requests, ${(totalRequests / loadSeconds).toFixed(1)} req/s, ${totalErrors} errors (${(errorRate * 100).toFixed(2)} %), ${transportErrors} transport errors/timeouts — target: no errors: ${totalErrors + transportErrors === 0 ? 'met' : 'NOT met'}`,
    );
    log(
      `uploads: ${uploads.done.length} completed (${uploads.failed} failed), median ${quantile(uploadSeconds, 0.5).toFixed(1)} s each at ${UPLOAD_BPS / 1e6 || '∞'} MB/s; each was then processed by the API's in-process worker`,
    );
    const slowSeconds = [...slowBySecond].sort((a, b) => a[0] - b[0]);
    log(
      `answers over ${SLOW_MS} ms, by the second of the load they were asked in: ${slowSeconds.map(([s, n]) => `${s}s×${n}`).join(' ') || 'none'}; uploads completed at ${uploadsCompletedAt.map((s) => `${s}s`).join(' ')}`,
    );
    const q = Math.max(1, Math.floor(series.length / 4));
    const firstQuarter = Math.max(...series.slice(0, q));
    const lastQuarter = Math.max(...series.slice(-q));
    const MB = 1e6;
    // After a pause, so the answer to the last requests and the last upload are behind it.
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = memoryOf(api.pid).rss;
    log(
      `API memory: RSS ${Math.round(mem.before / MB)} MB before, sampled peak ${Math.round(mem.sampledMax / MB)} MB, VmHWM ${Math.round(mem.hwm / MB)} MB${mem.peakReset ? '' : ' (since start)'}, ${Math.round(rssAfter / MB)} MB 2 s after; highest RSS in the first quarter ${Math.round(firstQuarter / MB)} MB, in the last ${Math.round(lastQuarter / MB)} MB`,
    );
    log(
      `API CPU: ${apiCpu.toFixed(1)} s over ${wall.toFixed(1)} s (${((apiCpu / wall) * 100).toFixed(0)} % of one core, ffmpeg children not counted); load average ${loadavg.toFixed(2)}; busiest processes at the end: ${others}`,
    );
    log(
      `load client (this process, 200 autocannon instances): ${clientCpu.toFixed(1)} CPU s (${((clientCpu / wall) * 100).toFixed(0)} % of one core), event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms (a busy client adds to every latency above)`,
    );
    log(
      `one lesson's timeline at the end (as its coach): ${grown.annotations.length} notes, ${replyCount} replies, ${(after.length / 1024).toFixed(0)} KB`,
    );
    const m = machine();
    log(`machine: ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}`);
    figures.push(
      {
        name: 'load: error rate',
        value: Number((errorRate * 100).toFixed(3)),
        unit: '%',
        target: 'no errors',
        met: totalErrors + transportErrors === 0,
      },
      {
        name: 'load: requests/s (all routes)',
        value: Number((totalRequests / loadSeconds).toFixed(1)),
        unit: 'req/s',
      },
      {
        name: 'load: API peak RSS',
        value: Math.round(Math.max(mem.sampledMax, mem.hwm) / MB),
        unit: 'MB',
        baseline: `${Math.round(mem.before / MB)} MB before the load`,
        target: `bounded: peak ≤ ${MEMORY_LIMIT_MB} MB, back to ≤ 1.25× the start after`,
        met:
          Math.max(mem.sampledMax, mem.hwm) / MB <= MEMORY_LIMIT_MB &&
          rssAfter <= mem.before * 1.25,
      },
      {
        name: 'load: uploads completed under load',
        value: uploads.done.length,
        unit: '',
        met: uploads.failed === 0,
      },
    );
    writeJson(args.json, 'load', figures, [
      `${users.length} people at ${RATE}/s, ${UPLOADS} uploads, ${DURATION} s, load average ${loadavg.toFixed(2)}`,
    ]);
  } finally {
    await api.stop();
    if (!args.keep) await fs.rm(dataDir, { recursive: true, force: true });
    else log(`data kept in ${dataDir}`);
  }
}

await main();
