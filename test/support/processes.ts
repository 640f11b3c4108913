import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** Runs a command to completion; rejects with its stderr when it fails or overstays. */
export function run(
  command: string,
  args: readonly string[],
  timeoutMs = 60_000,
  env: NodeJS.ProcessEnv = process.env,
) {
  const options = { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env };
  return new Promise<string>((resolve, reject) => {
    execFile(command, args, options, (error, out, err) =>
      error
        ? reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${err}`))
        : resolve(out),
    );
  });
}

/** Whether `name` is an executable on PATH. */
export async function hasCommand(name: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    try {
      await fs.access(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

let installing: Promise<void> | undefined;

/**
 * Installs Debian packages unless every command they provide is already there. Two test
 * processes may get here at once: dpkg's lock timeout makes the second one wait.
 */
export function ensureDebianPackages(packages: readonly string[], commands: readonly string[]) {
  installing ??= (async () => {
    const present = await Promise.all(commands.map(hasCommand));
    if (present.every(Boolean)) return;
    if (process.getuid?.() !== 0) {
      throw new Error(`install ${packages.join(' ')} (apt-get needs root)`);
    }
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = ['install', '-y', '-qq', '--no-install-recommends', ...packages];
    await run('apt-get', [...lock, 'update', '-qq'], 300_000, env);
    await run('apt-get', [...lock, ...install], 600_000, env);
  })();
  return installing;
}

/** `count` distinct ports free on 127.0.0.1 right now (all held open together while asked). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = net.createServer();
      return new Promise<net.Server>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    }),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Starts a long-running daemon in the foreground, its output appended to `logFile`. */
export function spawnDaemon(command: string, args: readonly string[], logFile: string) {
  const log = openSync(logFile, 'a');
  try {
    return spawn(command, args, { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log); // the child has its own copy
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function terminate(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * A detached shell that outlives a crashed or killed test process: once `parentPid` is
 * gone it kills the pids listed in `pidFile` and removes `dir`. Kill it on a clean stop.
 */
export function spawnReaper(parentPid: number, pidFile: string, dir: string): ChildProcess {
  const script = [
    'while kill -0 "$1" 2>/dev/null && [ -d "$3" ]; do sleep 1; done',
    '[ -d "$3" ] || exit 0',
    'for pid in $(cat "$2" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done',
    'rm -rf "$3"',
  ].join('\n');
  const reaper = spawn('sh', ['-c', script, 'reaper', `${parentPid}`, pidFile, dir], {
    detached: true,
    stdio: 'ignore',
  });
  reaper.unref();
  return reaper;
}
