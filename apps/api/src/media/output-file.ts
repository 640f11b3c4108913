import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MediaError } from './media-error';

/**
 * Lets `write` produce its output under a temporary name in the folder of `outFile`, then
 * renames it into place. A crash, timeout or cancel mid-way never leaves a half-written file at
 * `outFile` that a later step would take as finished; the rename is atomic because it stays on
 * one filesystem. The temporary name keeps the extension so ffmpeg still picks the right muxer.
 */
export async function writeAtomically<T>(
  outFile: string,
  write: (tmpFile: string) => Promise<T>,
): Promise<T> {
  const dir = path.dirname(outFile);
  const ext = path.extname(outFile);
  const tmp = path.join(
    dir,
    `.${path.basename(outFile, ext)}.${randomBytes(4).toString('hex')}.part${ext}`,
  );
  await fs.mkdir(dir, { recursive: true });
  try {
    const result = await write(tmp);
    // ffmpeg exits 0 without writing anything when, e.g., a seek lands past the last frame.
    const written = await fs.stat(tmp).catch(() => null);
    if (!written?.size) {
      throw new MediaError(
        'ffmpeg_failed',
        `ffmpeg produced no output for ${path.basename(outFile)}.`,
      );
    }
    await fs.rename(tmp, outFile);
    return result;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/**
 * A scale filter to `width` pixels (at most `width` when `onlyShrink`), height from the display
 * aspect ratio. Using `dar` and then `setsar=1` gives square pixels, so anamorphic sources (old
 * camcorders) do not come out squeezed; heights are kept even because yuv420p needs it.
 */
export function scaleToWidth(width: number, onlyShrink = false): string {
  const w = onlyShrink ? `min(${width}\\,trunc(iw*sar/2)*2)` : String(width);
  return `scale=w='${w}':h='trunc(ow/dar/2)*2',setsar=1`;
}
