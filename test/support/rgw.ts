import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ensureDebianPackages,
  freePorts,
  run,
  spawnDaemon,
  spawnReaper,
  terminate,
} from './processes';

/** A Ceph RADOS Gateway on loopback, with one S3 user. */
export interface RunningRgw {
  /** `http://127.0.0.1:PORT`, path-style S3. */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Kills the daemons and removes the cluster's folder (memory store: nothing survives). */
  stop(): Promise<void>;
}

const PACKAGES = ['radosgw', 'ceph-mon', 'ceph-osd'] as const;
const COMMANDS = [
  'monmaptool',
  'ceph-mon',
  'ceph-osd',
  'ceph',
  'radosgw',
  'radosgw-admin',
] as const;
/** Room for the largest test file (~1 GiB) plus headroom: memstore frees space lazily. */
const MEMSTORE_BYTES = 1536 * 1024 * 1024;
const READY_TIMEOUT_MS = 90_000;

/**
 * Starts a throwaway single-node Ceph cluster (one monitor, one in-memory OSD, one RGW)
 * in a temp folder, following shared/stack-notes.md. Installs the Debian packages first
 * when they are missing. Ready in ~2 s (~20 s more when it installs); start one per test
 * file and `stop()` it after.
 */
export async function startRgw(): Promise<RunningRgw> {
  await ensureDebianPackages(PACKAGES, COMMANDS);
  try {
    return await startCluster();
  } catch (first) {
    // A fresh single-node start raced once ("wrong fsid") and worked when rerun.
    try {
      return await startCluster();
    } catch (second) {
      throw new AggregateError([first, second], 'Ceph RGW failed to start twice');
    }
  }
}

async function startCluster(): Promise<RunningRgw> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-rgw-'));
  const daemons: ChildProcess[] = [];
  const pidFile = path.join(dir, 'pids');
  const conf = path.join(dir, 'ceph.conf');
  const reaper = spawnReaper(process.pid, pidFile, dir);
  const stop = async () => {
    reaper.kill('SIGKILL');
    // One by one, gateway first: an OSD told to stop waits for the monitor's ack.
    for (const daemon of daemons.toReversed()) await terminate(daemon);
    await fs.rm(dir, { recursive: true, force: true });
  };
  const startDaemon = async (command: string, args: readonly string[]) => {
    const daemon = spawnDaemon(
      command,
      ['-f', '-c', conf, ...args],
      path.join(dir, 'log', `${command}.out`),
    );
    daemons.push(daemon);
    await fs.appendFile(pidFile, `${daemon.pid}\n`);
  };
  const ceph = (...args: string[]) => run('ceph', ['-c', conf, '--connect-timeout', '30', ...args]);
  try {
    const [monV2, monV1, rgwPort] = await freePorts(3);
    const monAddress = `[v2:127.0.0.1:${monV2},v1:127.0.0.1:${monV1}]`;
    const fsid = randomUUID();
    for (const sub of ['run', 'log', 'mon', 'osd', 'rgw']) {
      await fs.mkdir(path.join(dir, sub), { recursive: true });
    }
    await fs.writeFile(conf, cephConf({ dir, fsid, monAddress, rgwPort: rgwPort as number }));

    const monmap = path.join(dir, 'monmap');
    await run('monmaptool', ['--create', '--fsid', fsid, '--addv', 'a', monAddress, monmap]);
    await run('ceph-mon', ['-c', conf, '--mkfs', '-i', 'a', '--monmap', monmap]);
    await startDaemon('ceph-mon', ['-i', 'a']);
    const osdId = (await ceph('osd', 'create')).trim();
    await fs.mkdir(path.join(dir, 'osd', osdId)); // memstore's mkfs asserts without it
    await run('ceph-osd', ['-c', conf, '-i', osdId, '--mkfs']);
    await startDaemon('ceph-osd', ['-i', osdId]);
    await ceph('osd', 'crush', 'add', `osd.${osdId}`, '1.0', 'host=localhost', 'root=default');
    await startDaemon('radosgw', ['-n', 'client.rgw.test']);

    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitForHttp(endpoint, daemons);
    const accessKeyId = `ELEVATE${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = randomBytes(30).toString('base64url');
    await run('radosgw-admin', [
      ...['-c', conf, 'user', 'create', '--uid=elevate-test', '--display-name=Elevate tests'],
      `--access-key=${accessKeyId}`,
      `--secret-key=${secretAccessKey}`,
    ]);
    return { endpoint, accessKeyId, secretAccessKey, stop };
  } catch (error) {
    const logs = await logTails(path.join(dir, 'log'));
    await stop();
    throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
  }
}

interface ConfInput {
  dir: string;
  fsid: string;
  monAddress: string;
  rgwPort: number;
}

/** The cluster's whole configuration: nothing outside `dir`, nothing but loopback. */
function cephConf({ dir, fsid, monAddress, rgwPort }: ConfInput): string {
  return `[global]
fsid = ${fsid}
mon_host = ${monAddress}
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
# radosgw defaults to "secure" monitor connections, which need cephx: without this it
# retries forever with "get_initial_auth_request returned -13".
ms_mon_client_mode = crc
public_addr = 127.0.0.1
ms_bind_ipv6 = false
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
osd_crush_chooseleaf_type = 0
# RGW makes ~7 pools; few placement groups each keep a one-OSD cluster quick to settle.
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
# Each pool RGW creates waits for a new OSD map, proposed once a second by default:
# proposing every 0.1 s brings the start from ~20 s down to a few.
paxos_propose_interval = 0.1
# A nearly full /tmp must not stop the monitor: the data lives in memory anyway.
mon_data_avail_crit = 1
run_dir = ${dir}/run
pid_file = ${dir}/run/$name.pid
admin_socket = ${dir}/run/$name.asok
log_file = ${dir}/log/$name.log
mon_data = ${dir}/mon/$id
osd_data = ${dir}/osd/$id
rgw_data = ${dir}/rgw
keyring = ${dir}/keyring
osd_objectstore = memstore
memstore_device_bytes = ${MEMSTORE_BYTES}
rgw_frontends = beast endpoint=127.0.0.1:${rgwPort}
# Free deleted objects' space at once rather than after two hours.
rgw_gc_obj_min_wait = 0
`;
}

/** Polls until the gateway answers 200 (anonymous ListBuckets); fails early if a daemon dies. */
async function waitForHttp(url: string, daemons: readonly ChildProcess[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const dead = daemons.find((daemon) => daemon.exitCode !== null || daemon.signalCode !== null);
    if (dead) throw new Error(`${dead.spawnfile} exited (${dead.exitCode ?? dead.signalCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`RGW did not answer 200 at ${url} within ${READY_TIMEOUT_MS} ms`);
}

/** The last lines of every log, to explain a failed start. */
async function logTails(logDir: string): Promise<string> {
  const names = await fs.readdir(logDir).catch(() => []);
  const tails = await Promise.all(
    names.map(async (name) => {
      const text = await fs.readFile(path.join(logDir, name), 'utf8').catch(() => '');
      return `--- ${name}\n${text.split('\n').slice(-15).join('\n')}`;
    }),
  );
  return tails.join('\n');
}
