#!/usr/bin/env node
// The two README commands. `npm start`: install what is needed, build, migrate and start
// Elevate on the embedded defaults. `npm test`: install what is needed (system packages
// included), then lint, type check and run every test. Both are safe to run again.
// `elevate.mjs worker` starts the media job worker on its own (API with RUN_WORKER=off).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './system-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PNPM_VERSION = '12.21.0';

function log(message) {
  console.log(`\x1b[1m[elevate]\x1b[0m ${message}`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${why})`);
  }
}

function has(cmd, args = ['--version']) {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** pnpm from PATH, installed globally with npm when missing. */
function ensurePnpm() {
  if (has('pnpm')) return;
  log(`pnpm not found: installing pnpm@${PNPM_VERSION} with npm`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

function pnpmEnv() {
  // better-sqlite3 compiles its addon with node-gyp; pnpm does not pass npm's nodedir on,
  // so point node-gyp at the headers the system Node ships (no download needed).
  const env = { ...process.env };
  if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node.h')) {
    env.npm_config_nodedir = '/usr';
  }
  return env;
}

function install() {
  ensurePnpm();
  log('installing dependencies');
  run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only'], { env: pnpmEnv() });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (full.includes(`${path.sep}node_modules${path.sep}`)) continue;
    newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app and the API bundle unless their outputs are newer than every source. */
function build() {
  const sources = ['apps/api/src', 'apps/web/src', 'apps/web/index.html', 'packages'];
  const outputs = [
    'apps/api/dist/server.js',
    'apps/api/dist/worker.js',
    'apps/web/dist/index.html',
  ].map((p) => path.join(root, p));
  const newestSource = Math.max(
    ...sources
      .map((p) => path.join(root, p))
      .map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)),
  );
  const built = outputs.every((p) => fs.existsSync(p) && fs.statSync(p).mtimeMs > newestSource);
  if (built) {
    log('build is up to date');
    return;
  }
  log('building the web app and the API');
  run('pnpm', ['--filter', '@elevate/web', '--filter', '@elevate/api', 'run', 'build']);
}

async function start() {
  install();
  build();
  if (!has('ffmpeg', ['-version']) || !has('ffprobe', ['-version'])) {
    log(
      'ffmpeg is not installed: uploads still work, but recordings are stored "not processed" (no check, poster or transcode). Install it with: apt-get install ffmpeg',
    );
  }
  // `npm start` shows a working demo unless asked not to (`npm start -- --no-demo`).
  const demo = process.argv.includes('--no-demo') ? 'off' : 'on';
  const env = {
    NODE_ENV: 'production',
    WEB_DIST: path.join(root, 'apps/web/dist'),
    DEMO: demo,
    ...process.env,
  };
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(root, 'apps/api/dist/server.js')],
    {
      cwd: process.cwd(),
      env,
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const host = env.HOST || '127.0.0.1';
  const port = env.PORT || '3000';
  const shownHost = host === '0.0.0.0' || host === '::' ? os.hostname() : host;
  waitForHealth(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/api/health`).then(
    (ok) => {
      if (ok) log(`Elevate is running at http://${shownHost}:${port}/  (Ctrl+C stops it)`);
    },
  );
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/**
 * The media job worker (and the hourly maintenance) as a process of its own, for API
 * processes started with RUN_WORKER=off. Same environment as the server; run as many as
 * the machine has room for when they share a PostgreSQL database.
 */
function worker() {
  install();
  build();
  const env = { NODE_ENV: 'production', ...process.env };
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(root, 'apps/api/dist/worker.js')],
    { cwd: process.cwd(), env, stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function waitForHealth(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function test() {
  install();
  ensureSystemPackages(
    ['chromium', 'ffmpeg', 'fonts-dejavu-core', 'radosgw', 'ceph-mon', 'ceph-osd', 'postgresql'],
    log,
  );
  log('lint and format check');
  run('pnpm', ['run', 'lint']);
  log('type check');
  run('pnpm', ['run', 'typecheck']);
  log('tests');
  const report = path.join(os.tmpdir(), `elevate-vitest-${process.pid}.json`);
  const result = spawnSync(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--config',
      '.config/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  summarize(report);
  process.exit(result.status ?? 1);
}

function summarize(report) {
  if (!fs.existsSync(report)) return;
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report, { force: true });
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}

const command = process.argv[2];
try {
  if (command === 'start') await start();
  else if (command === 'test') test();
  else if (command === 'worker') worker();
  else {
    console.error('usage: elevate.mjs start|test|worker');
    process.exit(2);
  }
} catch (err) {
  console.error(`[elevate] ${err.message}`);
  process.exit(1);
}
