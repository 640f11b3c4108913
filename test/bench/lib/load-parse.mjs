// Figures from the printed tables of the benchmarks that have no --json mode (upload.mjs,
// timeline.mjs, district.mjs), for all.mjs. Each returns [{ name, value, baseline, target, met }].

/** Every Markdown table in `text`: { head: string[], rows: string[][] }. */
export function tables(text) {
  const found = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('|')) {
      current = null;
      continue;
    }
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    if (!current) {
      current = { head: cells, rows: [] };
      found.push(current);
    } else if (!cells.every((c) => /^:?-+:?$/.test(c))) {
      current.rows.push(cells);
    }
  }
  return found;
}
const col = (t, test) => t.head.findIndex((h) => test(h));

/** upload.mjs: its first table (ours vs the baseline, per store). */
export function parseUpload(out) {
  const t = tables(out).find((x) => x.head.includes('ours MB/s'));
  if (!t) return [];
  const ratioOk = col(t, (h) => h.startsWith('≥'));
  const peakOk = col(t, (h) => h.startsWith('≤'));
  return t.rows.map((r) => ({
    name: `upload (${r[0]}): MB/s, ours ÷ ${r[1]}`,
    value: `${r[t.head.indexOf('ours MB/s')]} MB/s (ratio ${r[t.head.indexOf('ratio')]}), API peak ${r[t.head.indexOf('API peak (sampled / VmHWM)')]}`,
    baseline: `${r[t.head.indexOf('baseline MB/s')]} MB/s`,
    target: `ratio ${t.head[ratioOk]}, peak ${t.head[peakOk]}`,
    // The local "disk only" row is a reference (the floor of any store), not a target.
    met: r[1].includes('reference') ? null : r[ratioOk] === 'yes' && r[peakOk] === 'yes',
  }));
}

/** timeline.mjs: the whole timeline against GET /api/health, same requests and clients. */
export function parseTimeline(out) {
  const t = tables(out).find((x) => x.head.includes('p95 ms') && x.head[0] === 'route');
  if (!t) return [];
  const health = t.rows.find((r) => r[0].includes('health'));
  const i = (h) => t.head.indexOf(h);
  return t.rows
    .filter((r) => r !== health)
    .map((r) => ({
      name: `timeline: ${r[0]}`,
      value: `p50 ${r[i('p50 ms')]} ms, p95 ${r[i('p95 ms')]} ms, ${r[i('req/s')]} req/s`,
      baseline: health ? `health p95 ${health[i('p95 ms')]} ms` : '',
      target: health
        ? `p95 ÷ health: ${(Number(r[i('p95 ms')]) / Number(health[i('p95 ms')])).toFixed(1)}x`
        : '',
      met: null,
    }));
}

/** district.mjs: one row per database and route. */
export function parseDistrict(out) {
  const t = tables(out).find((x) => x.head[0] === 'db' && x.head.includes('p95 ms'));
  if (!t) return [];
  const i = (h) => t.head.indexOf(h);
  return t.rows
    .filter((r) => !r[1].startsWith('GET /api/health'))
    .map((r) => {
      const health = t.rows.find((b) => b[0] === r[0] && b[1].startsWith('GET /api/health'));
      return {
        name: `district (${r[0]}): ${r[1]}`,
        value: `p50 ${r[i('p50 ms')]} ms, p95 ${r[i('p95 ms')]} ms, ${r[i('req/s')]} req/s, ${r[i('errors')]} errors`,
        baseline: health ? `health p95 ${health[i('p95 ms')]} ms` : '',
        target: `p95 ÷ health ${r[i('p95 ÷ health p95')]}`,
        met: Number(r[i('errors')]) === 0 ? null : false,
      };
    });
}
