#!/usr/bin/env node
// Upload benchmark: a large file through our full upload flow (start, create, a signed
// PUT per part in order, complete: what the browser does) against a baseline upload of
// the same file to the same store in the same run, on the local-disk store and on Ceph
// RGW (S3). Prints MB/s, the ratio to the baseline, and the API's peak memory.
//
//   node test/bench/upload.mjs [--size-mib 1024] [--store local|s3|both] [--runs 3]
//   node test/bench/upload.mjs --help   (more options: part size, another API build, profiling)
//
// See test/bench/README.md for what is measured and how to read it.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  STALL_MS,
  uploadPlainHttp,
  uploadThroughApi,
  uploadWithSdk,
  writePartsToDisk,
} from './lib/clients.mjs';
import {
  checkEtags,
  ensureInputFile,
  fileSha256,
  MB,
  MiB,
  md5Speed,
  multipartEtag,
  partMd5s,
} from './lib/files.mjs';
import { Session } from './lib/load-api.mjs';
import {
  ensureApiBuilt,
  loadTestSupport,
  memoryOf,
  ourCephCluster,
  requireFromApi,
  rgwGc,
  serverBundle,
  startApi,
  startPlainServer,
  syncDisks,
  watchCpu,
  watchMemory,
} from './lib/processes.mjs';

const TEACHER = { email: 'teacher@demo.elevate.test', password: 'elevate-demo-2026' };
const BUCKET = 'elevate-bench';
const TARGET_RATIO = 0.9;
const TARGET_PEAK_MB = 200;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const USAGE = `usage: node test/bench/upload.mjs [options]
  --size-mib N      size of the test file in MiB (default 1024)
  --store S         local, s3 or both (default both)
  --runs N          measurements of each upload, alternating ours/baseline (default 3)
  --part-mib N      UPLOAD_PART_SIZE_MIN for the API, in MiB (default: the API's own, 64)
  --build           rebuild the API bundle first (it is built anyway when missing)
  --api-cpu-prof D  run the API with --cpu-prof, writing its profiles into folder D
  --server FILE     the API bundle to run (default apps/api/dist/server.js): to compare a
                    changed API against the current one
  --clean           also delete the input file at the end (it is kept for the next run)
  --sign-batch N    ours signs N parts per call (POST /api/uploads/:id/parts/sign, which
                    the API and the browser do not have yet: try it with --server); default 1`;

const { values: args } = parseArgs({
  options: {
    'size-mib': { type: 'string', default: '1024' },
    store: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '3' },
    'part-mib': { type: 'string' },
    build: { type: 'boolean', default: false },
    'api-cpu-prof': { type: 'string' },
    server: { type: 'string' },
    clean: { type: 'boolean', default: false },
    'sign-batch': { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizeMib = Number(args['size-mib']);
const runs = Number(args.runs);
const partMib = args['part-mib'] === undefined ? undefined : Number(args['part-mib']);
const signBatch = Number(args['sign-batch']);
if (
  !Number.isInteger(sizeMib) ||
  sizeMib < 1 ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !['local', 's3', 'both'].includes(args.store) ||
  (partMib !== undefined && (!Number.isInteger(partMib) || partMib < 5)) ||
  !Number.isInteger(signBatch) ||
  signBatch < 1 ||
  signBatch > 100
) {
  console.error(USAGE);
  process.exit(2);
}
const size = sizeMib * MiB;
const stores = args.store === 'both' ? ['local', 's3'] : [args.store];
const apiEnv = partMib ? { UPLOAD_PART_SIZE_MIN: String(partMib * MiB) } : {};
const bundle = args.server ? path.resolve(args.server) : serverBundle;
const apiFlags = args['api-cpu-prof']
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['api-cpu-prof'])}`]
  : [];

const benchDir = path.join(os.tmpdir(), 'elevate-bench');
/** Cleanups, newest first; run at the end, or on Ctrl-C. */
const cleanups = [];
let cleaning;
function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      await step().catch((error) => console.error(`cleanup: ${error.message}`));
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers and cleaning up`);
    cleanUp().finally(() => process.exit(130));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const mbps = (seconds) => size / MB / seconds;
const fmt = (n, digits = 1) => n.toFixed(digits);

/**
 * `[ours, ...baselines]` or the reverse: which goes first alternates from one run to the
 * next. Run -1 is the untimed warm-up (ours first: it learns the part size from the API).
 */
const ordered = (run, ours, baselines) =>
  run === -1 || run % 2 === 0 ? [ours, ...baselines] : [...baselines, ours];

/** What the part MD5s of the input are, per part size (computed once, outside any timing). */
const md5Cache = new Map();
/** The input's sha256, computed once on first use. */
let inputSha256;

async function expectedMd5s(file, partSize) {
  if (!md5Cache.has(partSize)) md5Cache.set(partSize, await partMd5s(file, size, partSize));
  return md5Cache.get(partSize);
}

/**
 * One upload, after flushing dirty pages, with the CPU time of `cpuPids` and (for ours)
 * the API's memory watched over it. `upload()` times itself and resolves with `seconds`.
 */
async function measure(upload, { cpuPids, memoryPid }) {
  await syncDisks();
  const memory = memoryPid ? watchMemory(memoryPid) : undefined;
  const cpu = watchCpu({ ...cpuPids, client: 'self' });
  let result;
  try {
    result = await upload();
  } finally {
    result = { ...result, cpu: cpu.stop(), memory: memory?.stop() };
  }
  return result;
}

/** Measurements per upload kind; the warm-up's only count towards the API's peak memory. */
class Results {
  runs = new Map();
  memories = [];

  add(name, run, result) {
    if (result.memory) this.memories.push(result.memory);
    if (run < 0) return;
    if (!this.runs.has(name)) this.runs.set(name, []);
    this.runs.get(name).push(result);
  }

  median(name, pick) {
    return median(this.runs.get(name).map(pick));
  }
}

function logRun(store, name, run, r) {
  const label = run === -1 ? 'warm-up' : `run ${run + 1} `;
  const cpu = Object.entries(r.cpu)
    .map(([who, seconds]) => `${who} ${fmt(seconds, 2)}`)
    .join(', ');
  const m = r.memory;
  const memory = m
    ? `; API RSS before ${fmt(m.before / MB, 0)} MB, max sampled ${fmt(m.sampledMax / MB, 0)} MB, VmHWM ${fmt(m.hwm / MB, 0)} MB`
    : '';
  const calls = r.controlSeconds
    ? `: ${Object.entries(r.controlSeconds)
        .map(([call, seconds]) => `${call} ${fmt(seconds, 3)}`)
        .join(', ')}`
    : '';
  const split =
    r.apiSeconds === undefined
      ? ''
      : ` (control calls ${fmt(r.apiSeconds, 2)} s${calls}; part PUTs ${fmt(r.putSeconds, 2)} s${r.preflightSeconds ? ` with preflights ${fmt(r.preflightSeconds, 3)} s` : ''})`;
  console.log(
    `  ${store.padEnd(5)} ${name.padEnd(10)} ${label}: ${fmt(r.seconds, 2)} s${split}, ${fmt(mbps(r.seconds))} MB/s; CPU s: ${cpu}${memory}`,
  );
}

async function benchLocal(file) {
  const work = await fs.mkdtemp(path.join(benchDir, 'local-'));
  cleanups.push(() => fs.rm(work, { recursive: true, force: true }));
  const dataDir = path.join(work, 'api');
  const plainDir = path.join(work, 'plain');
  await fs.mkdir(plainDir);
  const api = await startApi({
    bundle,
    dataDir,
    flags: apiFlags,
    env: { STORAGE_DRIVER: 'local', ...apiEnv },
  });
  cleanups.push(api.stop);
  const plain = await startPlainServer(plainDir);
  cleanups.push(plain.stop);
  const client = new Session(api.origin);
  await client.signIn(TEACHER.email, TEACHER.password);
  console.log(`local: API ${api.origin} (pid ${api.pid}), plain PUT server ${plain.origin}`);

  const results = new Results();
  let partSize;
  const withAgent = async (send) => {
    const agent = new http.Agent({ keepAlive: true });
    try {
      return await send(agent);
    } finally {
      agent.destroy();
    }
  };
  for (let run = -1; run < runs; run++) {
    const ours = async () => {
      const lesson = await client.createLesson(`Benchmark local ${run + 2}`, 'Upload benchmark');
      const r = await measure(
        () =>
          withAgent((agent) =>
            uploadThroughApi(client, { file, size, lessonId: lesson.id, agent, signBatch }),
          ),
        { cpuPids: { API: api.pid }, memoryPid: api.pid },
      );
      partSize = r.upload.partSize;
      // Local part ETags are opaque tokens: check the finished object byte for byte instead
      // (outside the timed window), then remove it.
      const object = path.join(dataDir, 'media', 'objects', r.upload.key);
      const { size: stored } = await fs.stat(object);
      if (stored !== size) throw new Error(`local ours: stored ${stored} bytes of ${size}`);
      inputSha256 ??= await fileSha256(file);
      if ((await fileSha256(object)) !== inputSha256)
        throw new Error('local ours: stored bytes differ');
      await fs.rm(object);
      results.add('ours', run, r);
      logRun('local', 'ours', run, r);
    };
    const plainHttp = async () => {
      const name = 'upload.bin';
      const r = await measure(
        () =>
          withAgent((agent) =>
            uploadPlainHttp(plain.origin, { name, file, size, partSize, agent }),
          ),
        { cpuPids: { server: plain.pid } },
      );
      const target = path.join(plainDir, name);
      if ((await fs.stat(target)).size !== size) throw new Error('plain HTTP: wrong size');
      await fs.rm(target);
      results.add('http', run, r);
      logRun('local', 'plain HTTP', run, r);
    };
    const diskOnly = async () => {
      const target = path.join(work, 'disk-only.bin');
      const r = await measure(() => writePartsToDisk({ target, file, size, partSize }), {
        cpuPids: {},
      });
      if ((await fs.stat(target)).size !== size) throw new Error('disk only: wrong size');
      await fs.rm(target);
      results.add('disk', run, r);
      logRun('local', 'disk only', run, r);
    };
    for (const step of ordered(run, ours, [plainHttp, diskOnly])) await step();
  }
  await cleanUpTo(plain.stop);
  await cleanUpTo(api.stop);
  return [
    row('local', 'plain HTTP PUT to disk (stated)', results, 'http', partSize),
    row('local', 'disk only, no HTTP (reference)', results, 'disk', partSize),
  ];
}

async function benchS3(file) {
  const work = await fs.mkdtemp(path.join(benchDir, 's3-'));
  cleanups.push(() => fs.rm(work, { recursive: true, force: true }));
  const { startRgw } = await loadTestSupport('rgw', work);
  const rgw = await startRgw();
  cleanups.push(rgw.stop);
  const { conf, rgwPid, osdPid } = ourCephCluster();
  const api = await startApi({
    bundle,
    dataDir: path.join(work, 'api'),
    flags: apiFlags,
    env: (origin) => ({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: rgw.endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: rgw.accessKeyId,
      S3_SECRET_ACCESS_KEY: rgw.secretAccessKey,
      // creates the bucket, with CORS for the app's origin as in production
      S3_CORS_ORIGINS: origin,
      ...apiEnv,
    }),
  });
  cleanups.push(api.stop);
  const client = new Session(api.origin);
  await client.signIn(TEACHER.email, TEACHER.password);
  console.log(`s3: RGW ${rgw.endpoint} (${conf}), API ${api.origin} (pid ${api.pid})`);

  // The SDK warns once that its 2027 releases need Node 22 (known: stack notes); not news here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sdk = requireFromApi('@aws-sdk/client-s3');
  const s3 = new sdk.S3Client({
    endpoint: rgw.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { requestTimeout: STALL_MS },
  });
  cleanups.push(async () => s3.destroy());

  /** Checks the stored object, deletes it and frees its space: one big object lives at most. */
  const verifyAndDelete = async (label, key, md5s) => {
    const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    if (head.ContentLength !== size || head.ETag !== multipartEtag(md5s)) {
      throw new Error(`${label}: stored ${head.ContentLength} bytes, ETag ${head.ETag}`);
    }
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    await rgwGc(conf);
  };
  // No ceph-mgr, so no `ceph df`: the OSD's RSS shows roughly what the memory store holds.
  const osdNote = () => `  (ceph-osd RSS ${fmt(memoryOf(osdPid).rss / MB, 0)} MB before)`;
  const storePids = { RGW: rgwPid, OSD: osdPid };

  const results = new Results();
  let partSize;
  /** Our last upload's key: the baseline stores a name of the same shape (see below). */
  let oursKey;
  for (let run = -1; run < runs; run++) {
    const ours = async () => {
      const note = osdNote();
      const lesson = await client.createLesson(`Benchmark s3 ${run + 2}`, 'Upload benchmark');
      const agent = new http.Agent({ keepAlive: true });
      const r = await measure(
        () => uploadThroughApi(client, { file, size, lessonId: lesson.id, agent, signBatch }),
        { cpuPids: { API: api.pid, ...storePids }, memoryPid: api.pid },
      ).finally(() => agent.destroy());
      partSize = r.upload.partSize;
      oursKey = r.upload.key;
      const md5s = await expectedMd5s(file, partSize);
      checkEtags('s3 ours', r.etags, md5s);
      await verifyAndDelete('s3 ours', r.upload.key, md5s);
      results.add('ours', run, r);
      logRun('s3', 'ours', run, r);
      console.log(note);
    };
    const direct = async () => {
      const note = osdNote();
      // The same kind of name as ours (`lessons/<lesson id>/original/<upload id>`), with
      // new ids: RGW names every part's RADOS objects after the key, and the OSD's CPU per
      // GiB grows with the name's length (measured: +0.25 CPU s/GiB for a 90-character key
      // against a 14-character one), so a short baseline key would not be the same upload.
      const key = oursKey.replace(UUIDS, () => randomUUID());
      if (key === oursKey) throw new Error(`no ids to renew in our key ${oursKey}`);
      const r = await measure(
        () => uploadWithSdk(sdk, s3, { bucket: BUCKET, key, file, size, partSize }),
        { cpuPids: storePids },
      );
      const md5s = await expectedMd5s(file, partSize);
      checkEtags('s3 SDK', r.etags, md5s);
      await verifyAndDelete('s3 SDK', key, md5s);
      results.add('sdk', run, r);
      logRun('s3', 'SDK', run, r);
      console.log(note);
    };
    for (const step of ordered(run, ours, [direct])) await step();
  }
  await cleanUpTo(api.stop);
  await cleanUpTo(rgw.stop);
  return [row('s3', 'direct SDK multipart (RGW)', results, 'sdk', partSize)];
}

/** Runs the cleanups registered since `step` (inclusive), newest first. */
async function cleanUpTo(step) {
  const at = cleanups.indexOf(step);
  if (at === -1) return;
  for (const later of cleanups.splice(at).reverse()) await later();
}

function row(store, baseline, results, baselineName, partSize) {
  const oursMbps = results.median('ours', (r) => mbps(r.seconds));
  const baseMbps = results.median(baselineName, (r) => mbps(r.seconds));
  const cpu = (name) => {
    const whos = Object.keys(results.runs.get(name)[0].cpu);
    return whos
      .map(
        (who) =>
          `${who} ${fmt(
            results.median(name, (r) => r.cpu[who]),
            2,
          )}`,
      )
      .join(', ');
  };
  const memories = results.memories;
  const ours = results.runs.get('ours');
  const base = results.runs.get(baselineName);
  /** Seconds outside the part PUTs (S3: control calls; the baseline's create and complete). */
  const outside = (name) =>
    results.runs.get(name)[0].putSeconds === undefined
      ? undefined
      : results.median(name, (r) => r.seconds - r.putSeconds);
  return {
    store,
    baseline,
    partSize,
    oursMbps,
    baseMbps,
    ratio: oursMbps / baseMbps,
    /** ours ÷ baseline of each run, in run order: the pairs measured side by side. */
    runRatios: ours.map((r, i) => base[i].seconds / r.seconds),
    oursOutside: outside('ours'),
    baseOutside: outside(baselineName),
    oursCpu: cpu('ours'),
    baseCpu: cpu(baselineName),
    rssBefore: Math.max(...memories.map((m) => m.before)),
    sampledMax: Math.max(...memories.map((m) => m.sampledMax)),
    hwm: Math.max(...memories.map((m) => m.hwm)),
    peakReset: memories.every((m) => m.peakReset),
  };
}

function printTable(head, cells) {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}

function printResults(rows) {
  printTable(
    [
      'store',
      'baseline',
      'ours MB/s',
      'baseline MB/s',
      'ratio',
      `≥${TARGET_RATIO}`,
      'ratio per run',
      'API RSS before',
      'API peak (sampled / VmHWM)',
      `≤${TARGET_PEAK_MB} MB`,
    ],
    rows.map((r) => [
      r.store,
      r.baseline,
      fmt(r.oursMbps),
      fmt(r.baseMbps),
      fmt(r.ratio, 2),
      r.ratio >= TARGET_RATIO ? 'yes' : 'NO',
      r.runRatios.map((x) => fmt(x, 2)).join(' '),
      `${fmt(r.rssBefore / MB, 0)} MB`,
      `${fmt(r.sampledMax / MB, 0)} / ${fmt(r.hwm / MB, 0)} MB`,
      Math.max(r.hwm, r.sampledMax) / MB <= TARGET_PEAK_MB ? 'yes' : 'NO',
    ]),
  );
  console.log('\nCPU seconds per upload (median), by process: where the time goes');
  printTable(
    ['store', 'baseline', 'ours', 'baseline'],
    rows.map((r) => [r.store, r.baseline, r.oursCpu, r.baseCpu]),
  );
  const outside = rows.filter((r) => r.oursOutside !== undefined && r.baseOutside !== undefined);
  if (outside.length) {
    console.log('\nSeconds outside the part PUTs per upload (median): control calls');
    printTable(
      ['store', 'baseline', 'ours', 'baseline'],
      outside.map((r) => [r.store, r.baseline, fmt(r.oursOutside, 3), fmt(r.baseOutside, 3)]),
    );
  }
}

async function main() {
  const startedAt = Date.now();
  if (!args.server) ensureApiBuilt(args.build);
  const { file, made } = await ensureInputFile(benchDir, size);
  if (args.clean) cleanups.push(() => fs.rm(file, { force: true }));
  if (args.server) console.log(`API bundle: ${bundle}`);
  console.log(`input: ${file} (${sizeMib} MiB, ${made ? 'made now' : 'reused'})`);
  const hashSpeed = md5Speed();
  const loadBefore = os.loadavg()[0];
  const rows = [];
  try {
    if (stores.includes('local')) rows.push(...(await benchLocal(file)));
    if (stores.includes('s3')) rows.push(...(await benchS3(file)));
  } finally {
    await cleanUp();
  }
  const partSizes = [...new Set(rows.map((r) => r.partSize / MiB))].join(', ');
  console.log(
    `\nUpload of ${sizeMib} MiB in ${partSizes} MiB parts, one after another; median of ${runs} run(s) each after an untimed warm-up, which goes first alternating.`,
  );
  console.log(
    `MB = 10^6 bytes. Ours = start + create + (sign${signBatch > 1 ? ` (one call per ${signBatch} parts)` : ''} + CORS preflight on S3 + PUT) per part + complete. API peak = the API process's RSS over its uploads (warm-up included)${rows.every((r) => r.peakReset) ? '' : '; VmHWM could not be reset, so it is the peak since the API started'}.`,
  );
  printResults(rows);
  console.log(
    `\nmachine: ${os.cpus().length} cores, Node ${process.version}; single-core MD5 ${fmt(hashSpeed, 0)} MB/s; load average ${fmt(loadBefore, 2)} at the start, ${fmt(os.loadavg()[0], 2)} at the end (above ~0.5, other work shared the cores: compare CPU seconds); whole run ${fmt((Date.now() - startedAt) / 1000, 0)} s`,
  );
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
