import { type RunOptions, runFfmpeg, runFfprobe } from './ffmpeg';
import { MediaError } from './media-error';
import { openVideoInput } from './media-input';
import { scaleToWidth, writeAtomically } from './output-file';

/** Options for {@link makeStoryboard}. */
export interface StoryboardOptions extends Pick<RunOptions, 'signal' | 'timeoutMs'> {
  /** Duration of the video (from probeVideo): sets the interval between tiles. */
  durationMs: number;
  /** Width of one thumbnail in pixels (default 160). */
  tileWidth?: number;
  /** Thumbnails per row (default 10; fewer when there are fewer tiles). */
  columns?: number;
  /** At most this many thumbnails (default 100): keeps the sprite one small download. */
  maxTiles?: number;
}

/**
 * What the web timeline needs for hover previews. Tile i shows a frame from about the middle of
 * [i * intervalMs, (i + 1) * intervalMs) (the fps filter's nearest-frame rounding; the nearest
 * keyframe for long videos). For time `t` (ms): index =
 * min(count - 1, floor(t / intervalMs)), column = index % columns, row = floor(index / columns),
 * and the tile's top-left corner is (column * tileWidth, row * tileHeight) in the sprite.
 */
export interface Storyboard {
  intervalMs: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  count: number;
}

// Whole seconds keep the fps filter exact and the web arithmetic simple; below 1 s a hover
// preview gains nothing.
const MIN_INTERVAL_MS = 1_000;
// From this interval on, decode keyframes only: a lesson needs a thumbnail every ~30 s, and
// decoding every frame of an hour of video would take minutes; the nearest keyframe (phones
// and our transcodes put one every 1-2 s) is close enough for a preview.
const KEYFRAMES_ONLY_FROM_MS = 5_000;

/** The tile layout for a video of `durationMs` (pure; {@link makeStoryboard} renders it). */
export function planStoryboard(durationMs: number, maxTiles = 100, columns = 10) {
  // Whole seconds of duration: a trailing 0.1 s must not stretch every interval by a second
  // (the web clamps the index to count - 1 for it).
  const perTile = Math.ceil(Math.floor(durationMs / 1000) / Math.max(1, maxTiles)) * 1000;
  const intervalMs = Math.max(MIN_INTERVAL_MS, perTile);
  const count = Math.max(1, Math.min(maxTiles, Math.ceil(durationMs / intervalMs)));
  const cols = Math.max(1, Math.min(columns, count));
  return { intervalMs, count, columns: cols, rows: Math.ceil(count / cols) };
}

/**
 * Writes one JPEG sprite sheet of evenly spaced thumbnails (ffmpeg fps + scale + tile filters)
 * and returns its layout. The tile height is measured from the written sprite, so it matches
 * what ffmpeg made from the video's real display aspect ratio and rotation.
 */
export async function makeStoryboard(
  input: string,
  outFile: string,
  options: StoryboardOptions,
): Promise<Storyboard> {
  const { durationMs, tileWidth = 160, columns = 10, maxTiles = 100, ...run } = options;
  const plan = planStoryboard(durationMs, maxTiles, columns);
  const { args } = await openVideoInput(input);
  const filter = [
    `fps=1000/${plan.intervalMs}`,
    scaleToWidth(tileWidth),
    `tile=${plan.columns}x${plan.rows}`,
  ].join(',');
  const keyframesOnly = plan.intervalMs >= KEYFRAMES_ONLY_FROM_MS;
  const height = await writeAtomically(outFile, async (tmp) => {
    await runFfmpeg(
      [
        ...(keyframesOnly ? ['-skip_frame', 'nokey'] : []),
        ...args,
        ...['-map', '0:v:0', '-an', '-sn', '-dn', '-vf', filter, '-frames:v', '1'],
        ...['-c:v', 'mjpeg', '-q:v', '5', '-f', 'image2', tmp],
      ],
      { timeoutMs: 120_000 + durationMs / 4, ...run },
    );
    return readImageHeight(tmp);
  });
  const tileHeight = height / plan.rows;
  if (!Number.isInteger(tileHeight)) {
    throw new MediaError('ffmpeg_failed', `Storyboard height ${height} is not ${plan.rows} rows.`);
  }
  return { ...plan, tileWidth, tileHeight };
}

async function readImageHeight(file: string): Promise<number> {
  const { stdout } = await runFfprobe(
    ['-show_entries', 'stream=height', '-of', 'csv=p=0', '-f', 'image2', '-i', file],
    { timeoutMs: 10_000 },
  );
  return Number(stdout.trim());
}
