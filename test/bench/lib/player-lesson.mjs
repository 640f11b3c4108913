// The player benchmark's lesson: a long recording, small so that it is quick to make and to
// upload, in the shape phones record (H.264 + AAC in MP4, a keyframe every 2 s, the index
// at the front). Made once and cached in test/fixtures/out (gitignored).
import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultOutDir } from '../../fixtures/fixtures.mjs';
import { ffmpeg, makeFile, withDirLock } from '../../fixtures/make-file.mjs';

/**
 * `minutes` of 426x240 video at 25 fps (about 150 kbit/s) with mono AAC, built as the repo's
 * lessons are: 10 s encoded once, then looped with `-c copy` into the whole length.
 */
export async function ensurePlayerLesson(minutes, dir = defaultOutDir) {
  const root = path.resolve(dir);
  const file = path.join(root, `player-lesson-${minutes}min-240p.mp4`);
  const write = async (out) => {
    const piece = `${out}.piece.mp4`;
    try {
      await ffmpeg([
        ...['-f', 'lavfi', '-i', 'testsrc2=size=426x240:rate=25:duration=10'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000:duration=10'],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '150k', '-maxrate', '200k'],
        ...['-bufsize', '400k', '-pix_fmt', 'yuv420p', '-g', '50', '-keyint_min', '50'],
        ...['-sc_threshold', '0', '-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-shortest', piece],
      ]);
      const seconds = minutes * 60;
      await ffmpeg([
        ...['-stream_loop', String(Math.ceil(seconds / 10) - 1), '-i', piece],
        ...['-c', 'copy', '-t', String(seconds), '-movflags', '+faststart', out],
      ]);
    } finally {
      await fs.rm(piece, { force: true });
    }
  };
  await withDirLock(root, () => makeFile(file, write, {}));
  return file;
}
