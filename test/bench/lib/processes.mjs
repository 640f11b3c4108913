// The processes the benchmark runs: the built API, the plain baseline server, Ceph RGW
// (through the repo's own harness, test/support/rgw.ts), and the API's memory readings.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const apiDir = path.join(repoRoot, 'apps/api');
export const serverBundle = path.join(apiDir, 'dist/server.js');
/** Resolves packages as apps/api does: the SDK and esbuild are its dependencies. */
export const requireFromApi = createRequire(path.join(apiDir, 'package.json'));
const run = promisify(execFile);

/** Builds the API bundle when it is missing; warns when its sources are newer. */
export function ensureApiBuilt(force) {
  if (force || !existsSync(serverBundle)) {
    console.log('building the API: pnpm --filter @elevate/api run build');
    const built = spawnSync('pnpm', ['--filter', '@elevate/api', 'run', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('building the API failed');
    return;
  }
  const bundleTime = statSync(serverBundle).mtimeMs;
  const newer = newestFile(path.join(apiDir, 'src'));
  if (newer.mtimeMs > bundleTime) {
    console.warn(
      `warning: ${path.relative(repoRoot, newer.file)} is newer than apps/api/dist/server.js; pass --build to rebuild`,
    );
  }
}

function newestFile(dir) {
  let newest = { file: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = new Set();
// Should this process die without its cleanup, take the servers it started with it.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** SIGTERM, SIGKILL after `graceMs`; resolves once the child is gone. */
export async function terminate(child, graceMs = 5_000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

/** Spawns `node args...` and resolves with the first JSON line of its stdout that `pick` accepts. */
function spawnNode(args, env, pick, label) {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start:\n${stderr}`)), 30_000);
    // Keep reading stdout for the child's whole life: a full pipe would stall it.
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return; // not a JSON log line (the demo sign-ins, say)
      }
      const value = pick(entry);
      if (value !== undefined) {
        clearTimeout(timer);
        resolve(value);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
  return { child, ready };
}

/**
 * The built API (apps/api/dist/server.js) as production runs it, on a chosen loopback port
 * (so its origin is known up front for S3 CORS), demo accounts seeded, media jobs off.
 * `env` may be a function of that origin; `bundle` another build of the API to compare.
 */
export async function startApi({ bundle = serverBundle, dataDir, env, flags = [] }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { child, ready } = spawnNode(
    [...flags, bundle],
    {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DEMO: 'on',
      RUN_WORKER: 'off',
      ...(typeof env === 'function' ? env(origin) : env),
    },
    (entry) => (typeof entry.url === 'string' ? entry.url : undefined),
    'the API',
  );
  await ready;
  return { origin, pid: child.pid, stop: () => terminate(child) };
}

/** plain-put-server.mjs writing into `dir`. */
export async function startPlainServer(dir) {
  const script = fileURLToPath(new URL('./plain-put-server.mjs', import.meta.url));
  const { child, ready } = spawnNode(
    [script, dir],
    { PATH: process.env.PATH ?? '' },
    (entry) => entry.port,
    'the plain PUT server',
  );
  const port = await ready;
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => terminate(child) };
}

/**
 * A TypeScript module of test/support (`rgw` for startRgw, `postgres` for startPostgres),
 * bundled on the fly with the esbuild that apps/api already depends on (no TS runner is
 * installed) into `outDir`, and imported.
 */
export async function loadTestSupport(name, outDir) {
  const esbuild = requireFromApi('esbuild');
  const outfile = path.join(outDir, `${name}-harness.mjs`);
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(repoRoot, `test/support/${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** Our own child processes whose program is `name`: pid and argv. */
function ourChildren(name) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(argv[0] ?? '') === name) found.push({ pid: Number(pid), argv });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * The Ceph cluster this process started: the harness does not expose its ceph.conf, but
 * it runs radosgw and ceph-osd as our children with `-c <conf>`. radosgw-admin needs the
 * conf to run the GC; the OSD's RSS shows what the memory store holds.
 */
export function ourCephCluster() {
  const [rgw] = ourChildren('radosgw');
  const [osd] = ourChildren('ceph-osd');
  const conf = rgw?.argv[rgw.argv.indexOf('-c') + 1];
  if (!conf || !osd) throw new Error('found no radosgw and ceph-osd children of this process');
  return { conf, rgwPid: rgw.pid, osdPid: osd.pid };
}

/**
 * Frees deleted objects' space in the memory store now (RGW's GC otherwise runs hourly)
 * and checks that nothing is left waiting for it.
 */
export async function rgwGc(conf) {
  const admin = (...args) => run('radosgw-admin', ['-c', conf, ...args], { timeout: 120_000 });
  await admin('gc', 'process', '--include-all');
  const { stdout } = await admin('gc', 'list', '--include-all');
  if (JSON.parse(stdout).length > 0) throw new Error(`RGW GC left objects behind: ${stdout}`);
}

/** Flushes dirty pages so one measurement's writeback does not land in the next. */
export async function syncDisks() {
  await run('sync', []);
}

/** `VmRSS` and `VmHWM` of a process, in bytes. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/**
 * Watches a process's memory through one measurement: resets its peak (`VmHWM`, by
 * writing 5 to /proc/PID/clear_refs) so the peak read after is this window's own, and
 * samples `VmRSS` every `everyMs`.
 */
export function watchMemory(pid, everyMs = 100) {
  let peakReset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    peakReset = false; // then VmHWM is the peak since the process started
  }
  const before = memoryOf(pid).rss;
  let sampledMax = before;
  const timer = setInterval(() => {
    sampledMax = Math.max(sampledMax, memoryOf(pid).rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const after = memoryOf(pid);
      return {
        before,
        sampledMax: Math.max(sampledMax, after.rss),
        hwm: after.hwm,
        peakReset,
      };
    },
  };
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far; `self` for this process. */
export function cpuOf(pid) {
  if (pid === 'self') {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * CPU time of named processes over one measurement: `{ api: pid, client: 'self' }` gives
 * `{ api: s, client: s }` on stop(). Unlike wall time, it barely moves when other work
 * shares the machine, so it shows where an upload's cost goes.
 */
export function watchCpu(pids) {
  const start = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuOf(pid)]));
  return {
    stop: () =>
      Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => [name, cpuOf(pid) - start[name]]),
      ),
  };
}
