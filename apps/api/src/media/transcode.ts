import { type RunOptions, runFfmpeg } from './ffmpeg';
import { openVideoInput } from './media-input';
import { scaleToWidth, writeAtomically } from './output-file';

/** Options for {@link transcodeToMp4}. */
export interface TranscodeOptions extends Pick<RunOptions, 'signal' | 'timeoutMs'> {
  /** Duration of the input (from probeVideo), for progress and the default timeout. */
  durationMs: number;
  /** Called with 0-100 (one decimal, never decreasing) as the encode proceeds; 100 at the end. */
  onProgress?: (percent: number) => void;
}

/** Largest output width: 720p is plenty to see a classroom and keeps files and uploads small. */
export const MAX_TRANSCODE_WIDTH = 1280;

/**
 * Transcodes a video file or http(s) URL into an MP4 every browser plays: H.264 (libx264
 * veryfast, crf 23, yuv420p, at most 1280 px wide, aspect kept) and AAC 128k, with the index at
 * the front (`+faststart`) so playback starts before the download ends. Written under a
 * temporary name and renamed, so `outFile` only ever exists complete.
 */
export async function transcodeToMp4(
  input: string,
  outFile: string,
  options: TranscodeOptions,
): Promise<void> {
  const { durationMs, onProgress, ...run } = options;
  const { args } = await openVideoInput(input);
  let last = 0;
  const report = (percent: number) => {
    last = percent;
    onProgress?.(percent);
  };
  await writeAtomically(outFile, (tmp) =>
    runFfmpeg(
      [
        ...args,
        // The first video and (if any) audio stream; phones add data and metadata tracks.
        ...['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn'],
        // Phones write GPS location and device names into the metadata: classroom videos
        // must not carry where a school is. Rotation survives: ffmpeg applies it to the pixels.
        ...['-map_metadata', '-1', '-map_chapters', '-1'],
        ...['-vf', scaleToWidth(MAX_TRANSCODE_WIDTH, true)],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
        // A keyframe every 2 s makes clip starts and timeline seeks land quickly and precisely.
        ...['-force_key_frames', 'expr:gte(t,n_forced*2)'],
        ...['-c:a', 'aac', '-b:a', '128k'],
        // Phone recordings interleave audio and video loosely; a bigger queue avoids ffmpeg's
        // "too many packets buffered" abort on them.
        ...['-max_muxing_queue_size', '4096'],
        ...['-movflags', '+faststart', '-f', 'mp4', tmp],
      ],
      {
        // libx264 veryfast runs faster than real time at 720p even on two cores.
        timeoutMs: 300_000 + durationMs * 2,
        durationMs,
        ...(onProgress ? { onProgress: report } : {}),
        ...run,
      },
    ),
  );
  // ffmpeg ends its progress output with `progress=end`; this covers a run that did not say so.
  if (last < 100) onProgress?.(100);
}
