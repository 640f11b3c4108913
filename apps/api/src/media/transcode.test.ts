import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { runFfprobe } from './ffmpeg';
import { isBrowserPlayable, probeVideo } from './probe';
import {
  getFixtures,
  makeTempDir,
  makeVideo,
  readTopLevelBoxes,
  SETUP_TIMEOUT_MS,
} from './test-support';
import { transcodeToMp4 } from './transcode';

describe('transcodeToMp4', { timeout: 60_000 }, () => {
  let fixtures: Fixtures;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    [fixtures, temp] = await Promise.all([getFixtures(), makeTempDir()]);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => temp.cleanup());

  it('turns a phone HEVC .mov into a faststart H.264/AAC MP4 a browser plays', async () => {
    const dir = path.join(temp.dir, 'hevc');
    const out = path.join(dir, 'lesson.mp4');
    const progress: number[] = [];
    await transcodeToMp4(fixtures.hevcMov, out, {
      durationMs: 6_000,
      onProgress: (p) => progress.push(p),
    });

    const probe = await probeVideo(out);
    expect(probe).toMatchObject({
      container: 'mp4',
      video: { codec: 'h264', width: 640, height: 360, pixelFormat: 'yuv420p' },
      audio: { codec: 'aac' },
    });
    expect(Math.abs(probe.durationMs - 6_000)).toBeLessThanOrEqual(100);
    expect(isBrowserPlayable(probe)).toBe(true);

    const boxes = await readTopLevelBoxes(out);
    expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBe(progress.length);
    expect(await fs.readdir(dir)).toEqual(['lesson.mp4']); // no temporary file left behind
  });

  it('shrinks wide video to 1280 px and drops location metadata', async () => {
    const source = await makeVideo(path.join(temp.dir, 'wide.mov'), [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=1'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-metadata', 'location=+40.7128-074.0060/'],
    ]);
    const out = path.join(temp.dir, 'wide.mp4');
    await transcodeToMp4(source, out, { durationMs: 1_000 });
    const probe = await probeVideo(out);
    expect(probe.video).toMatchObject({ width: 1280, height: 720 });
    expect(probe.audio).toBeNull();
    const { stdout } = await runFfprobe(['-show_entries', 'format_tags', '-of', 'json', out]);
    expect(stdout).not.toMatch(/location/i);
  });

  it('leaves nothing behind when cancelled', async () => {
    const dir = path.join(temp.dir, 'cancelled');
    const controller = new AbortController();
    const run = transcodeToMp4(fixtures.shortH264, path.join(dir, 'lesson.mp4'), {
      durationMs: 12_000,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled')),
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
