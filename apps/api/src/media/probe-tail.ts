import { type RunOptions, runFfprobe } from './ffmpeg';
import { MediaError } from './media-error';

/** How much of the end to read: enough to reach a keyframe-aligned packet in most files. */
const TAIL_MS = 3_000;

/**
 * The end time (ms) of the last packet from `fromMs` on: ffprobe seeks there and reads packets
 * to the end of the input. Seeking, not scanning, keeps this cheap for a long lesson (and over
 * HTTP it is a couple of range requests); from 0 it reads the whole file.
 */
export async function readEndMs(
  inputArgs: readonly string[],
  fromMs: number,
  options: Pick<RunOptions, 'signal' | 'timeoutMs'> = {},
): Promise<number> {
  const { stdout } = await runFfprobe(
    [
      ...['-read_intervals', `${(Math.max(0, fromMs) / 1000).toFixed(3)}%`],
      ...['-show_entries', 'packet=pts_time,dts_time,duration_time', '-of', 'csv=p=0'],
      ...inputArgs,
    ],
    { timeoutMs: 30_000, ...options },
  );
  let endMs = 0;
  for (const line of stdout.split('\n')) {
    const [pts = Number.NaN, dts = Number.NaN, duration = Number.NaN] = line.split(',').map(Number);
    const at = Number.isFinite(pts) ? pts : dts;
    if (Number.isFinite(at))
      endMs = Math.max(endMs, (at + (Number.isFinite(duration) ? duration : 0)) * 1000);
  }
  return endMs;
}

/**
 * Throws `unreadable` unless the packets of the last few seconds reach (nearly) `endMs`. A
 * faststart MP4 cut short by a broken upload keeps its whole index at the front, so ffprobe's
 * header reading alone calls it fine; only going to the end shows the media is gone.
 */
export async function checkReadsToEnd(
  inputArgs: readonly string[],
  endMs: number,
  options: Pick<RunOptions, 'signal' | 'timeoutMs'> = {},
): Promise<void> {
  const lastEndMs = await readEndMs(inputArgs, endMs - TAIL_MS, options);
  // Format durations often run a little past the last packet (edit lists, audio priming).
  const tolerance = Math.max(1_500, endMs * 0.01);
  if (lastEndMs < endMs - tolerance) {
    const total = `${(endMs / 1000).toFixed(1)} s`;
    throw new MediaError(
      'unreadable',
      lastEndMs > 0
        ? `it stops at ${(lastEndMs / 1000).toFixed(1)} s of ${total}`
        : `the end of its ${total} is missing`,
    );
  }
}
