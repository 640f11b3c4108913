import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { makePoster, posterTimeMs } from './poster';
import { getFixtures, makeTempDir, readDimensions, SETUP_TIMEOUT_MS } from './test-support';

describe('makePoster', { timeout: 60_000 }, () => {
  let fixtures: Fixtures;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    [fixtures, temp] = await Promise.all([getFixtures(), makeTempDir()]);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => temp.cleanup());

  it('takes the frame 10% in, not the (often black) first one', () => {
    expect(posterTimeMs(12_000)).toBe(1_200);
    expect(posterTimeMs(50 * 60_000)).toBe(5 * 60_000);
  });

  it('writes a 640 px wide JPEG with the aspect ratio kept', async () => {
    const out = path.join(temp.dir, 'posters', 'short.jpg');
    await makePoster(fixtures.shortH264, out, { atMs: posterTimeMs(12_000) });
    const jpeg = await fs.readFile(out);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await readDimensions(out)).toEqual({ width: 640, height: 360 });
  });

  it('reads HEVC .mov too, at another width', async () => {
    const out = path.join(temp.dir, 'hevc.jpg');
    await makePoster(fixtures.hevcMov, out, { atMs: 600, width: 320 });
    expect(await readDimensions(out)).toEqual({ width: 320, height: 180 });
  });

  it('fails cleanly past the end, and leaves neither the poster nor a temporary file', async () => {
    const dir = path.join(temp.dir, 'past-end');
    const out = path.join(dir, 'poster.jpg');
    await expect(makePoster(fixtures.shortH264, out, { atMs: 60_000 })).rejects.toMatchObject({
      code: 'ffmpeg_failed',
    });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('refuses a file that is not a video', async () => {
    const out = path.join(temp.dir, 'text.jpg');
    await expect(makePoster(fixtures.notAVideo, out, { atMs: 0 })).rejects.toMatchObject({
      code: 'not_a_video',
    });
  });
});
