import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePorts, run, spawnReaper } from './processes';

/** A throwaway PostgreSQL server on loopback; trust authentication, one superuser. */
export interface RunningPostgres {
  /** `postgres://elevate@127.0.0.1:PORT/postgres`: the maintenance database, as superuser. */
  adminUrl: string;
  /** The URL of `database` on this server. */
  urlFor(database: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL in `database` with psql; resolves with the rows, `|`-separated, one a line. */
  query(database: string, sql: string): Promise<string>;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the global setup of the suites that run on PostgreSQL. */
    postgresAdminUrl: string;
  }
}

const SUPERUSER = 'elevate';
const READY_TIMEOUT_MS = 30_000;

/** The newest Debian server binaries (`/usr/lib/postgresql/<major>/bin`). */
async function binDir(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const majors = (await fs.readdir(root).catch(() => [] as string[]))
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const dir = path.join(root, major, 'bin');
    if (await fs.stat(path.join(dir, 'postgres')).catch(() => undefined)) return dir;
  }
  throw new Error(
    'PostgreSQL server binaries not found in /usr/lib/postgresql: `npm test` installs them ' +
      '(as root), or run `apt-get install postgresql`',
  );
}

/**
 * postgres refuses to run as root: when we are root, the server runs as the `postgres`
 * account Debian's package creates, and owns its folder.
 */
async function serverAccount(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = await fs.readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no `postgres` user to run the test server as (we are root)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a throwaway PostgreSQL server from Debian's packages in a temp folder, on a
 * free loopback port. Durability is off (fsync, synchronous_commit, full-page writes):
 * nothing here outlives the run, and it makes CREATE DATABASE per test cheap.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  try {
    return await startServerOnce();
  } catch (first) {
    // The free port we picked may have been taken before the server bound it: once more.
    try {
      return await startServerOnce();
    } catch (second) {
      throw new AggregateError([first, second], 'PostgreSQL failed to start twice');
    }
  }
}

async function startServerOnce(): Promise<RunningPostgres> {
  const bin = await binDir();
  const account = await serverAccount();
  const dir = await fs.mkdtemp(path.join(await scratchRoot(), 'elevate-pg-'));
  const dataDir = path.join(dir, 'data');
  const pidFile = path.join(dir, 'pids');
  // If this process dies without stop(), the reaper kills the server and removes `dir`.
  const reaper = spawnReaper(process.pid, pidFile, dir);
  let server: ChildProcess | undefined;
  const stop = async () => {
    reaper.kill('SIGKILL');
    if (server) await shutDown(server);
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    if (account) await fs.chown(dir, account.uid, account.gid);
    const [port] = (await freePorts(1)) as [number];
    const asServer = { ...account, env: { ...process.env, LC_ALL: 'C.UTF-8' } };
    await runAs(path.join(bin, 'initdb'), initdbArgs(dataDir), asServer);
    const log = await fs.open(path.join(dir, 'server.log'), 'a');
    server = spawn(path.join(bin, 'postgres'), serverArgs(dataDir, dir, port), {
      ...asServer,
      stdio: ['ignore', log.fd, log.fd],
    });
    await log.close(); // the child holds its own copy
    await fs.writeFile(pidFile, `${server.pid}\n`);
    await waitReady(bin, port, server);
    const urlFor = (db: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${db}`;
    const query = (db: string, sql: string) =>
      run(path.join(bin, 'psql'), [urlFor(db), '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
    return {
      adminUrl: urlFor('postgres'),
      urlFor,
      async createDatabase(name) {
        await query('postgres', `create database "${name}"`);
        return urlFor(name);
      },
      query,
      stop,
    };
  } catch (error) {
    const log = await fs.readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`${(error as Error).message}\n--- server.log\n${log}`, { cause: error });
  }
}

function initdbArgs(dataDir: string): string[] {
  return [
    ...['-D', dataDir, '-U', SUPERUSER, '--auth=trust'],
    ...['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
  ];
}

function serverArgs(dataDir: string, dir: string, port: number): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    // The socket goes in our folder, not /var/run/postgresql (absent or root-owned).
    unix_socket_directories: dir,
    // Each test API holds a pool of up to 10; two test files run at once, each with a
    // template database and a few live copies.
    max_connections: '300',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    // No replicas: minimal WAL makes CREATE DATABASE ... STRATEGY FILE_COPY (a test's
    // copy of its file's seeded database) a plain file copy, ~50 ms.
    wal_level: 'minimal',
    max_wal_senders: '0',
    checkpoint_timeout: '1h',
    max_wal_size: '1GB',
    shared_buffers: '64MB',
    // Shared-memory segments in the data folder, not loose in /dev/shm: a killed server
    // (the reaper's SIGKILL) then leaves nothing behind once its folder is removed.
    dynamic_shared_memory_type: 'mmap',
    log_min_messages: 'warning',
  };
  return ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

function runAs(command: string, args: string[], options: { uid?: number; gid?: number }) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}

async function waitReady(bin: string, port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`postgres exited (${server.exitCode ?? server.signalCode})`);
    }
    const args = ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER];
    if (
      await run(path.join(bin, 'pg_isready'), args, 5_000).then(
        () => true,
        () => false,
      )
    ) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS} ms`);
}

/** SIGINT is PostgreSQL's "fast" shutdown: clients are cut off instead of waited for. */
async function shutDown(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Vitest global setup for the suites that run on PostgreSQL: one server for the whole
 * run; tests create (and drop) their own databases on it through `postgresAdminUrl`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}

/**
 * A memory-backed folder when there is one: every test creates and drops a database
 * (~8 MB of files each), which on a disk costs most of a second per test.
 */
async function scratchRoot(): Promise<string> {
  const shm = '/dev/shm';
  const writable = await fs.access(shm, fs.constants.W_OK).then(
    () => true,
    () => false,
  );
  return writable ? shm : os.tmpdir();
}
