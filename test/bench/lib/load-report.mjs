// Shared by load.mjs, player.mjs and all.mjs: percentiles, a plain table, and the one-line
// JSON every benchmark can write with `--json FILE` so all.mjs can print one table.
import fs from 'node:fs';
import os from 'node:os';

/** The q-quantile (0..1) of `values` (nearest rank); NaN when empty. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values) => quantile(values, 0.5);

/** A Markdown table from a header row and rows of cells. */
export function table(head, rows) {
  const cells = [head, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = head.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export const ms = (v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');

/** The machine a figure came from, and how busy it was. */
export function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadavg: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/**
 * Writes `{ bench, machine, figures, notes }` as one JSON line to `file` (`-`: stdout).
 * A figure: { name, value, unit, baseline?, target?, met? (true/false/null) }.
 */
export function writeJson(file, bench, figures, notes = []) {
  if (!file) return;
  const line = `${JSON.stringify({ bench, machine: machine(), figures, notes })}\n`;
  if (file === '-') process.stdout.write(line);
  else fs.writeFileSync(file, line);
}
