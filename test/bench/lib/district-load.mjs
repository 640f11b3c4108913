// The district benchmark's load: N requests with C in flight from signed-in sessions
// (load-api.mjs), latency percentiles, and the API's CPU time over each route.
import { cpuOf } from './processes.mjs';

const TIMEOUT_MS = 120_000;

/**
 * `requests` GETs, `concurrency` at a time; `next(i)` gives the i-th request's session and
 * path. Resolves with p50/p95/p99 (ms), requests per second, errors, the mean body size
 * and the API's CPU seconds per request over the run.
 */
export async function load({ requests, concurrency, next, apiPid }) {
  const times = [];
  let errors = 0;
  let firstError = '';
  let issued = 0;
  let bytes = 0;
  const cpuBefore = cpuOf(apiPid);
  const started = performance.now();
  const worker = async () => {
    while (issued < requests) {
      const { session, path } = next(issued++);
      const t = performance.now();
      try {
        const res = await fetch(new URL(path, session.origin), {
          headers: { cookie: session.cookie },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const body = await res.arrayBuffer();
        bytes += body.byteLength;
        if (!res.ok) {
          errors++;
          firstError ||= `${res.status} ${Buffer.from(body).toString('utf8', 0, 200)}`;
        }
      } catch (error) {
        errors++;
        firstError ||= String(error);
      }
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuOf(apiPid) - cpuBefore;
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return {
    requests: times.length,
    concurrency,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    rps: times.length / seconds,
    errors,
    firstError,
    bytes: bytes / Math.max(1, times.length),
    cpuPerRequest: cpu / Math.max(1, times.length),
    seconds,
  };
}
