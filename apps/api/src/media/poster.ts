import { type RunOptions, runFfmpeg } from './ffmpeg';
import { openVideoInput } from './media-input';
import { scaleToWidth, writeAtomically } from './output-file';

/** Options for {@link makePoster}. */
export interface PosterOptions extends Pick<RunOptions, 'signal' | 'timeoutMs'> {
  /** Where to take the frame; {@link posterTimeMs} gives a good default. */
  atMs: number;
  /** Output width in pixels (default 640); the height follows the aspect ratio. */
  width?: number;
}

/**
 * Where a poster frame should come from: 10% into the video. The first frame of a classroom
 * recording is usually black, a fade-in or the teacher's hand on the phone.
 */
export const posterTimeMs = (durationMs: number): number => Math.round(durationMs * 0.1);

/**
 * Writes a JPEG poster (640 px wide by default) of the frame at `atMs` of a video file or
 * http(s) URL. Throws a MediaError (`ffmpeg_failed` when `atMs` is past the end).
 */
export async function makePoster(
  input: string,
  outFile: string,
  options: PosterOptions,
): Promise<void> {
  const { atMs, width = 640, ...run } = options;
  const { args } = await openVideoInput(input);
  await writeAtomically(outFile, (tmp) =>
    runFfmpeg(
      [
        // -ss before -i seeks in the input (fast, via the index) and still decodes to the
        // exact frame, so a poster from an hour into a lesson costs the same as from the start.
        ...['-ss', (atMs / 1000).toFixed(3), ...args],
        ...['-map', '0:v:0', '-frames:v', '1', '-vf', scaleToWidth(width)],
        ...['-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2', tmp],
      ],
      { timeoutMs: 60_000, ...run },
    ),
  );
}
