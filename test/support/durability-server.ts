import type { ChildProcess } from 'node:child_process';
import type { DurabilityClient, Watch } from './durability-client';
import { type RunningServer, startServer } from './server';

/** Resolves once the process has exited (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The API on one data directory (and database), killed and started again as a crash
 * and a supervisor would: every start listens on a new port, and the clients follow it.
 */
export class CrashingServer {
  current: RunningServer | undefined;
  starts = 0;
  kills = 0;
  /** The JSON log lines of every start so far, in order. */
  readonly logs: Array<Record<string, unknown>> = [];
  private logged = 0;

  constructor(
    private readonly env: Record<string, string>,
    private readonly watch: Watch,
    private readonly clients: DurabilityClient[],
  ) {}

  async start(): Promise<RunningServer> {
    if (this.current && this.alive) throw new Error('the server is already running');
    this.collectLogs();
    const server = await startServer(this.env);
    this.current = server;
    this.logged = 0;
    this.starts++;
    for (const client of this.clients) client.base = server.url;
    this.watch.killSent = false;
    return server;
  }

  get alive(): boolean {
    const child = this.current?.process;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /** This start's log lines so far. */
  get currentLogs(): Array<Record<string, unknown>> {
    return this.current?.logs ?? [];
  }

  /** SIGKILL: no shutdown code runs, as when the machine's OOM killer or `kill -9` strikes. */
  async kill(): Promise<void> {
    const server = this.current;
    if (!server) throw new Error('no server to kill');
    this.watch.killSent = true;
    const gone = exitOf(server.process);
    server.process.kill('SIGKILL');
    await gone;
    if (server.process.signalCode !== 'SIGKILL')
      throw new Error(`the server exited on its own (${server.process.exitCode}) before the kill`);
    this.kills++;
  }

  /** A clean stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | null> {
    const server = this.current;
    if (!server || !this.alive) return null;
    this.watch.killSent = true;
    this.collectLogs();
    return server.stop();
  }

  private collectLogs(): void {
    const logs = this.current?.logs ?? [];
    this.logs.push(...logs.slice(this.logged));
    this.logged = logs.length;
  }

  /** Every log line of every start, the running one's included. */
  allLogs(): Array<Record<string, unknown>> {
    this.collectLogs();
    return this.logs;
  }
}
