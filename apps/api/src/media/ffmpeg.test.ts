import { describe, expect, it } from 'vitest';
import { createProgressParser, hasFfmpeg, runFfmpeg, runFfprobe, runTool } from './ffmpeg';
import { MediaError } from './media-error';

// An endless generated picture: ffmpeg only stops when it is killed.
const ENDLESS = ['-f', 'lavfi', '-i', 'testsrc2=size=64x36:rate=10', '-f', 'null', '-'];

describe('createProgressParser', () => {
  it('turns out_time_us into a rising percentage, across chunk boundaries, and ends at 100', () => {
    const seen: number[] = [];
    const parse = createProgressParser(10_000, (p) => seen.push(p));
    parse('frame=1\nout_time_us=N/A\nprogress=continue\nout_time_us=2500');
    parse('000\nout_time_ms=2500000\nout_time_us=1000000\n'); // repeats and regressions ignored
    parse('out_time_us=9999999\nprogress=end\n');
    expect(seen).toEqual([25, 100]);
  });

  it('reports tenths and caps at 100 when ffmpeg runs past the stated duration', () => {
    const seen: number[] = [];
    const parse = createProgressParser(3_000, (p) => seen.push(p));
    parse('out_time_us=1000000\nout_time_us=4000000\n');
    expect(seen).toEqual([33.3, 100]);
  });
});

describe('runTool', { timeout: 20_000 }, () => {
  it('finds both binaries (cached)', async () => {
    expect(await hasFfmpeg()).toBe(true);
    expect(hasFfmpeg()).toBe(hasFfmpeg());
  });

  it('says ffmpeg_missing when the binary is not installed', async () => {
    const err = await runTool('elevate-no-such-ffmpeg', ['-version']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect(err).toMatchObject({ code: 'ffmpeg_missing' });
  });

  it('says ffmpeg_failed with the stderr tail on a non-zero exit', async () => {
    const err = await runFfprobe(['/nonexistent/lesson.mp4']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ffmpeg_failed' });
    expect((err as MediaError).message).toBe('ffprobe exited with code 1.');
    expect((err as MediaError).details).toMatch(/No such file/);
  });

  it('kills a run that exceeds its timeout', async () => {
    const started = Date.now();
    const err = await runFfmpeg(ENDLESS, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ffmpeg_failed', message: 'ffmpeg timed out after 300 ms.' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('kills a run when its signal aborts, rejecting with the reason', async () => {
    const controller = new AbortController();
    const run = runFfmpeg(ENDLESS, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('upload deleted')), 200);
    await expect(run).rejects.toThrow('upload deleted');
    await expect(runFfmpeg(ENDLESS, { signal: controller.signal })).rejects.toThrow(
      'upload deleted',
    );
  });

  it('collects stdout for ffprobe', async () => {
    const { stdout } = await runFfprobe(['-version']);
    expect(stdout).toMatch(/^ffprobe version/);
  });
});
