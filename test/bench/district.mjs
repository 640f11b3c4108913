#!/usr/bin/env node
// District-scale benchmark: a district of 1,000 teachers (50 coaches, 15 cycles each, a
// lesson per cycle with two clips and 60 annotations: about 900,000 annotations, 200 stock
// clips) on SQLite and on PostgreSQL; the built API under concurrent load on the coach's
// dashboard, a teacher's home, a lesson's timeline and the research export, beside
// GET /api/health in the same run. Prints p50/p95 and req/s; --plans prints the query plans.
//
//   node test/bench/district.mjs                      # both databases, the issue's district
//   node test/bench/district.mjs --db sqlite --teachers 100 --requests 100   # a quick look
//   node test/bench/district.mjs --help
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { load } from './lib/district-load.mjs';
import { loadScale } from './lib/district-seed.mjs';
import { Session } from './lib/load-api.mjs';
import { ensureApiBuilt, loadTestSupport, requireFromApi, startApi } from './lib/processes.mjs';

const HELP = `node test/bench/district.mjs [options]

  --db sqlite|postgres|both   databases to measure (both)
  --teachers N                district size (1000; 20 per coach, 15 cycles, 60 annotations each)
  --per-coach N --cycles N --annotations N --stock-clips N     the rest of the district's shape
  --requests N                requests per route (300)
  --concurrency N             clients in flight (8); the research export runs one at a time
  --export-requests N         research exports (5)
  --plans                     print EXPLAIN QUERY PLAN / EXPLAIN (ANALYZE) of the endpoints' queries
  --pg-url URL                an existing PostgreSQL server (superuser URL) instead of a throwaway
                              one; the seeded database is kept and reused there
  --reseed                    seed again even when a seed of this version and size is cached
  --build                     rebuild apps/api/dist first

SQLite seeds are cached in $TMPDIR/elevate-bench/district-sqlite-v<version>-<size>/; the throwaway
PostgreSQL server (test/support/postgres.ts) is seeded on every run.`;

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    teachers: { type: 'string', default: '1000' },
    'per-coach': { type: 'string', default: '20' },
    cycles: { type: 'string', default: '15' },
    annotations: { type: 'string', default: '60' },
    'stock-clips': { type: 'string', default: '200' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '8' },
    'export-requests': { type: 'string', default: '5' },
    plans: { type: 'boolean', default: false },
    'pg-url': { type: 'string' },
    reseed: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const EXPORTS = Number(args['export-requests']);
const databases = args.db === 'both' ? ['sqlite', 'postgres'] : [args.db];
if (!databases.every((d) => d === 'sqlite' || d === 'postgres')) {
  throw new Error(`--db wants sqlite, postgres or both, not ${args.db}`);
}
const sizeArgs = ['teachers', 'per-coach', 'cycles', 'annotations', 'stock-clips'].flatMap(
  (name) => [`--${name}`, args[name]],
);
const sizeKey = `t${args.teachers}-k${args['per-coach']}-c${args.cycles}-a${args.annotations}-s${args['stock-clips']}`;
const benchDir = path.join(os.tmpdir(), 'elevate-bench');
const log = (line) => console.log(`[district] ${line}`);

const scale = await loadScale();

/** runScale in this process; resolves with the JSON result line, printing the progress lines. */
async function runScale(command, env) {
  let result;
  const code = await scale.runScale([command, ...sizeArgs, '--json'], env, (line) => {
    if (line.startsWith('{') || line.startsWith('[')) result = JSON.parse(line);
    else log(line);
  });
  if (code !== 0) throw new Error(`${command} failed (${code})`);
  return result;
}

async function printPlans(db, env) {
  let text = '';
  await scale.runScale(['plans', ...sizeArgs], env, (line) => {
    text += `${line}\n`;
  });
  console.log(`\n# Query plans on ${db}${text}`);
}

/** The SQLite district: a cached data folder, seeded when missing. */
async function sqliteDistrict() {
  const dataDir = path.join(benchDir, `district-sqlite-v${scale.SEED_VERSION}-${sizeKey}`);
  const marker = path.join(dataDir, 'district-seeded.json');
  const cached = await fs.stat(marker).catch(() => undefined);
  if (!cached || args.reseed) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.mkdir(dataDir, { recursive: true });
  }
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const seed = await runScale('seed', env);
  await fs.writeFile(marker, JSON.stringify({ version: scale.SEED_VERSION, at: new Date() }));
  return { seed, env: { DATA_DIR: dataDir }, dataDir, stop: async () => {} };
}

/** The PostgreSQL district: a throwaway server (seeded every run), or --pg-url's (kept). */
async function postgresDistrict() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-bench-district-pg-'));
  let server;
  let url;
  if (args['pg-url']) {
    const name = `elevate_district_v${scale.SEED_VERSION}_${sizeKey.replaceAll('-', '_')}`;
    const pg = requireFromApi('pg');
    const admin = new pg.Client({ connectionString: args['pg-url'] });
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount && args.reseed) await admin.query(`drop database "${name}"`);
      if (!exists.rowCount || args.reseed) await admin.query(`create database "${name}"`);
    } finally {
      await admin.end();
    }
    const u = new URL(args['pg-url']);
    u.pathname = `/${name}`;
    url = u.href;
    // The server keeps the database; the auth secret goes with it.
    await fs.writeFile(path.join(dataDir, 'auth-secret'), `district-bench-${name}`.padEnd(48, '-'));
  } else {
    const harness = await loadTestSupport('postgres', benchDir);
    log('starting a throwaway PostgreSQL server (test/support/postgres.ts)');
    server = await harness.startPostgres();
    url = await server.createDatabase('district');
  }
  const env = { DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  const seed = await runScale('seed', env);
  return {
    seed,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    dataDir,
    stop: async () => {
      await server?.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Seeds (or finds) the district on one database, starts the API on it and loads each route. */
async function measure(db) {
  const seedStarted = performance.now();
  const district = db === 'sqlite' ? await sqliteDistrict() : await postgresDistrict();
  const { seed } = district;
  log(
    `${db}: ${seed.reused ? 'reused the seeded' : `seeded in ${seed.seconds.toFixed(0)} s the`} district (${seed.counts.auth_user} users, ${seed.counts.cycle} cycles, ${seed.counts.annotation} annotations, ${seed.counts.annotation_reply} replies); ready after ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
  );
  if (args.plans) await printPlans(db, { ...district.env, LOG_LEVEL: 'warn' });
  const api = await startApi({
    dataDir: district.dataDir,
    env: { ...district.env, DEMO: 'off', RUN_WORKER: 'off' },
  });
  try {
    const signIn = (email) => new Session(api.origin).signIn(email, seed.password);
    const admin = await signIn(seed.accounts.admin);
    const coaches = await Promise.all(seed.accounts.coaches.map(signIn));
    const teachers = await Promise.all(seed.accounts.teachers.map(signIn));
    // Each coach's timeline requests go round their caseload's latest lessons.
    const lessonsOf = [];
    for (const coach of coaches) {
      const { items } = await coach.json('GET', '/api/dashboard/coach', 200);
      const ids = items.map((i) => i.current?.lesson?.id).filter(Boolean);
      if (ids.length === 0) throw new Error(`${coach.email} has no lessons`);
      lessonsOf.push(ids);
    }
    const check = await coaches[0].json('GET', `/api/lessons/${lessonsOf[0][0]}/timeline`, 200);
    const home = await teachers[0].json('GET', '/api/dashboard/teacher', 200);
    log(
      `${db}: coach dashboard ${lessonsOf[0].length} teachers; teacher home ${home.history.length + (home.current ? 1 : 0)} cycles; timeline ${check.annotations.length} annotations, ${check.annotations.reduce((n, a) => n + a.replies.length, 0)} replies`,
    );
    const routes = {
      health: () => ({ session: coaches[0], path: '/api/health' }),
      coach: (i) => ({ session: coaches[i % coaches.length], path: '/api/dashboard/coach' }),
      teacher: (i) => ({ session: teachers[i % teachers.length], path: '/api/dashboard/teacher' }),
      timeline: (i) => {
        const c = i % coaches.length;
        const lessons = lessonsOf[c];
        const lesson = lessons[Math.floor(i / coaches.length) % lessons.length];
        return { session: coaches[c], path: `/api/lessons/${lesson}/timeline` };
      },
      export: () => ({ session: admin, path: '/api/research-export.csv' }),
    };
    const run = (name, requests, concurrency) =>
      load({ requests, concurrency, next: routes[name], apiPid: api.pid });
    // Warm-up: the JIT, the database's caches, prepared statements.
    for (const name of ['health', 'coach', 'teacher', 'timeline']) await run(name, 40, CONCURRENCY);
    await run('export', 1, 1);
    const results = [];
    const add = (label, r) => {
      results.push({ db, label, ...r });
      log(
        `${db} ${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.rps.toFixed(1)} req/s${r.errors ? `, ${r.errors} errors: ${r.firstError}` : ''}`,
      );
    };
    add(
      `GET /api/health (baseline, ${CONCURRENCY} clients)`,
      await run('health', REQUESTS, CONCURRENCY),
    );
    add('GET /api/dashboard/coach', await run('coach', REQUESTS, CONCURRENCY));
    add('GET /api/dashboard/teacher', await run('teacher', REQUESTS, CONCURRENCY));
    add('GET /api/lessons/:id/timeline', await run('timeline', REQUESTS, CONCURRENCY));
    add('GET /api/health (baseline, 1 client)', await run('health', REQUESTS, 1));
    add('GET /api/research-export.csv', await run('export', EXPORTS, 1));
    return results;
  } finally {
    await api.stop();
    await district.stop();
  }
}

function printTable(results) {
  const baseline = (r) =>
    results.find(
      (b) =>
        b.db === r.db && b.label.startsWith('GET /api/health') && b.concurrency === r.concurrency,
    );
  const lines = [
    '| db | route | requests × clients | p50 ms | p95 ms | req/s | p95 ÷ health p95 | API CPU ms/req | body KB | errors |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const base = baseline(r);
    const ratio = base && base !== r ? `${(r.p95 / base.p95).toFixed(1)}x` : '—';
    lines.push(
      `| ${r.db} | ${r.label} | ${r.requests} × ${r.concurrency} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps.toFixed(1)} | ${ratio} | ${(r.cpuPerRequest * 1000).toFixed(1)} | ${(r.bytes / 1024).toFixed(1)} | ${r.errors} |`,
    );
  }
  console.log(`\n${lines.join('\n')}`);
}

async function main() {
  const started = performance.now();
  ensureApiBuilt(args.build);
  const results = [];
  for (const db of databases) results.push(...(await measure(db)));
  printTable(results);
  console.log(
    `\nDistrict: ${args.teachers} teachers, ${args['per-coach']} per coach, ${args.cycles} cycles each, ${args.annotations} annotations per lesson, ${args['stock-clips']} stock clips (seed v${scale.SEED_VERSION}). Loopback; the API, the database and the clients share the machine.`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

await main();
