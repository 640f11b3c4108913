import { spawn } from 'node:child_process';
import os from 'node:os';
import { MediaError } from './media-error';

/** Options for one ffmpeg/ffprobe run. */
export interface RunOptions {
  /** Kill the process after this long (default 60 s). */
  timeoutMs?: number;
  /** Aborting kills the process and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** With `durationMs`, adds `-progress pipe:1` and reports 0-100 as ffmpeg gets through it. */
  onProgress?: (percent: number) => void;
  /** Duration of the media being processed, needed to turn progress into a percentage. */
  durationMs?: number;
}

/** What a successful run printed. */
export interface RunResult {
  stdout: string;
  /** The last few kilobytes of stderr: warnings worth logging even on success. */
  stderrTail: string;
}

const STDERR_TAIL_CHARS = 4000;
// ffprobe's JSON for a file is small; the cap only guards memory against a runaway process.
const MAX_STDOUT_CHARS = 16 * 1024 * 1024;

/**
 * Returns a line parser for `-progress pipe:1` output that calls `onProgress` with a
 * percentage (one decimal, never decreasing) of `durationMs` processed, and 100 at the end.
 */
export function createProgressParser(durationMs: number, onProgress: (percent: number) => void) {
  let pending = '';
  let last = -1;
  const report = (percent: number) => {
    const rounded = Math.round(Math.min(100, Math.max(0, percent)) * 10) / 10;
    if (rounded > last) {
      last = rounded;
      onProgress(rounded);
    }
  };
  return (chunk: string): void => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [key, value = ''] = line.trim().split('=', 2);
      // out_time_ms is microseconds too (an old ffmpeg misnomer); prefer the honest key.
      if ((key === 'out_time_us' || key === 'out_time_ms') && /^\d+$/.test(value)) {
        if (durationMs > 0) report((Number(value) / 1000 / durationMs) * 100);
      } else if (key === 'progress' && value === 'end') {
        report(100);
      }
    }
  };
}

/**
 * Runs `bin` with `args` (no shell, so file names and URLs are never interpreted). Rejects with
 * a {@link MediaError}: `ffmpeg_missing` when the binary is absent, `ffmpeg_failed` on a non-zero
 * exit or a timeout, with the stderr tail in `details` (kept out of the message: it quotes paths
 * and signed URLs).
 */
/** The lowest CPU priority: ffmpeg and ffprobe take what the API leaves. */
const BACKGROUND_PRIORITY = 19;

export function runTool(
  bin: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { timeoutMs = 60_000, signal, onProgress, durationMs } = options;
  const progress = onProgress && durationMs !== undefined;
  const fullArgs = progress ? ['-progress', 'pipe:1', '-nostats', ...args] : [...args];
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = spawn(bin, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Media work is background work: on a small server it must not slow the pages people
    // are using (the load benchmark's timeline p95 doubled while ffmpeg ran at equal priority).
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch {
        // Not allowed here (some containers): the work still runs, at normal priority.
      }
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const parse = progress ? createProgressParser(durationMs, onProgress) : null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (parse) parse(chunk);
      else if (stdout.length < MAX_STDOUT_CHARS) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    // SIGKILL, not SIGTERM: on SIGTERM ffmpeg tries to finish the output file, which we discard.
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    signal?.addEventListener('abort', kill, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      done();
      reject(
        err.code === 'ENOENT'
          ? new MediaError('ffmpeg_missing', `${bin} is not installed (install ffmpeg).`, {
              cause: err,
            })
          : new MediaError('ffmpeg_failed', `${bin} could not start: ${err.message}`, {
              cause: err,
            }),
      );
    });
    child.on('close', (code, killedBy) => {
      done();
      const tail = stderr.trim();
      if (signal?.aborted) reject(signal.reason);
      else if (timedOut) {
        reject(
          new MediaError('ffmpeg_failed', `${bin} timed out after ${timeoutMs} ms.`, {
            details: tail,
          }),
        );
      } else if (code !== 0) {
        const why = killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`;
        reject(new MediaError('ffmpeg_failed', `${bin} ${why}.`, { details: tail }));
      } else resolve({ stdout, stderrTail: tail });
    });
  });
}

// Quiet logging keeps stderr down to the errors worth quoting; -nostdin stops ffmpeg from
// reading (and stalling on) the server's stdin.
const FFMPEG_BASE = ['-hide_banner', '-nostdin', '-v', 'error', '-y'];
const FFPROBE_BASE = ['-hide_banner', '-v', 'error'];

/** Runs ffmpeg (quiet, no stdin, overwrite) with `args`. See {@link runTool}. */
export const runFfmpeg = (args: readonly string[], options?: RunOptions) =>
  runTool('ffmpeg', [...FFMPEG_BASE, ...args], options);

/** Runs ffprobe (quiet) with `args` and returns its stdout. See {@link runTool}. */
export const runFfprobe = (args: readonly string[], options?: RunOptions) =>
  runTool('ffprobe', [...FFPROBE_BASE, ...args], options);

let available: Promise<boolean> | undefined;

/**
 * True when both ffmpeg and ffprobe run. Checked once per process and cached: health checks
 * and every upload ask, and installing ffmpeg needs a restart anyway.
 */
export function hasFfmpeg(): Promise<boolean> {
  available ??= Promise.all(
    ['ffmpeg', 'ffprobe'].map((bin) =>
      runTool(bin, ['-version'], { timeoutMs: 10_000 }).then(
        () => true,
        () => false,
      ),
    ),
  ).then((results) => results.every(Boolean));
  return available;
}
