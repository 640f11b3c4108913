#!/usr/bin/env node
// Every benchmark of the project, one after another (never in parallel: they would measure
// each other), then ONE table of figures with their targets and the baselines each script
// measured in the same run. Scripts that take `--json FILE` (load.mjs, player.mjs, and any
// other that declares a `json` option) report through it; for the others (upload.mjs,
// timeline.mjs, district.mjs) the table(s) they print are parsed.
//
//   node test/bench/all.mjs                  # everything, full size (about 15–25 min on 2 cores)
//   node test/bench/all.mjs --quick          # smaller sizes, a few minutes
//   node test/bench/all.mjs --only load,player --markdown bench.md
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDistrict, parseTimeline, parseUpload } from './lib/load-parse.mjs';
import { machine, table } from './lib/load-report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    skip: { type: 'string' },
    markdown: { type: 'string' },
    json: { type: 'string' },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`node test/bench/all.mjs [--quick] [--only a,b] [--skip a,b] [--markdown FILE] [--json FILE] [--build]
  benchmarks: upload, timeline, district (when present), load, player
  --quick      smaller sizes: upload 256 MiB × 1 run, district 100 teachers on SQLite, load 20 s, player 3 runs
  --markdown   also write the summary table (and the machine it came from) to FILE
  --json       also write every figure as JSON to FILE`);
  process.exit(0);
}

const quick = args.quick;
const BENCHES = [
  { name: 'upload', script: 'upload.mjs', args: quick ? ['--size-mib', '256', '--runs', '1'] : [] },
  { name: 'timeline', script: 'timeline.mjs', args: quick ? ['--requests', '200'] : [] },
  {
    name: 'district',
    script: 'district.mjs',
    args: quick ? ['--db', 'sqlite', '--teachers', '100', '--requests', '100'] : [],
  },
  { name: 'load', script: 'load.mjs', args: quick ? ['--duration', '20'] : [] },
  { name: 'player', script: 'player.mjs', args: quick ? ['--runs', '3'] : [] },
];
const list = (s) => (s ? s.split(',').map((x) => x.trim()) : null);
const only = list(args.only);
const skip = list(args.skip) ?? [];

/** Whether a script declares a `json` option (then it writes its figures with --json FILE). */
const speaksJson = (file) => /\bjson:\s*\{\s*type:/.test(fs.readFileSync(file, 'utf8'));

/** Runs one script, its output shown as it comes and kept for parsing. */
function runScript(file, scriptArgs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...scriptArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      process.stdout.write(c);
    });
    child.stderr.on('data', (c) => process.stderr.write(c));
    child.on('close', (code, signal) => resolve({ code: code ?? signal, out }));
  });
}

const PARSERS = { upload: parseUpload, timeline: parseTimeline, district: parseDistrict };

const fmtValue = (f) =>
  typeof f.value === 'number' ? `${f.value}${f.unit ? ` ${f.unit}` : ''}` : f.value;
const fmtMet = (m) => (m === true ? 'yes' : m === false ? 'NO' : '');

/** Busy CPU time and total CPU time since boot, from /proc/stat (Linux). */
function cpuTimes() {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3] + (n[4] ?? 0); // idle + iowait
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Lets the machine settle before a benchmark, so none measures the one before it: writes the
 * previous one's dirty pages to disk (sync), then waits until the CPUs are at least 90 % idle
 * over two seconds, for at most a minute. Returns a line saying how long that took.
 */
async function settle() {
  const at = Date.now();
  spawnSync('sync');
  let busy = 1;
  while (Date.now() - at < 60_000) {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, 2000));
    const b = cpuTimes();
    busy = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    if (busy <= 0.1) break;
  }
  const waited = ((Date.now() - at) / 1000).toFixed(0);
  return `(settled: sync and ${waited} s until the CPUs were ${Math.round((1 - busy) * 100)} % idle)`;
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const results = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-bench-all-'));
  for (const bench of BENCHES) {
    if ((only && !only.includes(bench.name)) || skip.includes(bench.name)) continue;
    const file = path.join(here, bench.script);
    if (!fs.existsSync(file)) {
      results.push({ bench: bench.name, status: 'not present', figures: [] });
      continue;
    }
    const json = speaksJson(file) ? path.join(tmp, `${bench.name}.json`) : null;
    const scriptArgs = [
      ...bench.args,
      ...(args.build ? ['--build'] : []),
      ...(json ? ['--json', json] : []),
    ];
    console.log(`\n==== ${bench.name}: node test/bench/${bench.script} ${scriptArgs.join(' ')}\n`);
    console.log(await settle());
    const at = Date.now();
    const { code, out } = await runScript(file, scriptArgs);
    const seconds = Math.round((Date.now() - at) / 1000);
    let figures = [];
    try {
      figures = json
        ? JSON.parse(fs.readFileSync(json, 'utf8')).figures
        : (PARSERS[bench.name]?.(out) ?? []);
    } catch {
      // no figures: the status says why
    }
    results.push({
      bench: bench.name,
      status: code === 0 ? `ok, ${seconds} s` : `FAILED (${code}) after ${seconds} s`,
      figures,
    });
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  const rows = [];
  for (const r of results) {
    if (r.figures.length === 0) rows.push([r.bench, `(${r.status}: no figures)`, '', '', '', '']);
    for (const f of r.figures) {
      rows.push([r.bench, f.name, fmtValue(f), f.baseline ?? '', f.target ?? '', fmtMet(f.met)]);
    }
  }
  const m = machine();
  const summary = [
    table(['benchmark', 'figure', 'ours', 'baseline (same run)', 'target', 'met'], rows),
    '',
    `runs: ${results.map((r) => `${r.bench} ${r.status}`).join('; ')}`,
    `machine: ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}, ${os.type()} ${os.release()}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at the start, ${m.loadavg.join(' ')} at the end; ${new Date().toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - started) / 60000)} min`,
  ].join('\n');
  console.log(`\n==== all benchmarks\n\n${summary}`);
  if (args.markdown) fs.writeFileSync(args.markdown, `${summary}\n`);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify({ machine: m, results })}\n`);
  if (results.some((r) => r.status.startsWith('FAILED'))) process.exitCode = 1;
}

await main();
