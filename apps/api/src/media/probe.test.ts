import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { isMediaError, type MediaErrorCode } from './media-error';
import { isBrowserPlayable, probeVideo, type VideoProbe } from './probe';
import { getFixtures, makeTempDir, makeVideo, SETUP_TIMEOUT_MS } from './test-support';

const codeOf = (promise: Promise<unknown>): Promise<MediaErrorCode | 'resolved'> =>
  promise.then(
    () => 'resolved' as const,
    (err: unknown) => {
      if (isMediaError(err)) return err.code;
      throw err;
    },
  );

/** A static file server that honours Range, as object stores do for signed URLs. */
function serveFiles(root: string) {
  return http.createServer((req, res) => {
    const file = path.join(root, path.basename(req.url ?? ''));
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (size < 0) return void res.writeHead(404).end();
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = Number(range?.[1] ?? 0);
    if (range && start >= size) return void res.writeHead(416).end();
    const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'Accept-Ranges': 'bytes',
      'Content-Length': end - start + 1,
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    });
    fs.createReadStream(file, { start, end }).pipe(res);
  });
}

describe('probeVideo', { timeout: 60_000 }, () => {
  let fixtures: Fixtures;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    [fixtures, temp] = await Promise.all([getFixtures(), makeTempDir()]);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => temp.cleanup());

  it('reads duration, container, codecs, size and frame rate of an H.264 MP4', async () => {
    const probe = await probeVideo(fixtures.shortH264);
    expect(Math.abs(probe.durationMs - 12_000)).toBeLessThanOrEqual(100);
    expect(probe).toMatchObject({
      container: 'mp4',
      video: { codec: 'h264', width: 640, height: 360, fps: 25, pixelFormat: 'yuv420p' },
      audio: { codec: 'aac' },
      sizeBytes: fs.statSync(fixtures.shortH264).size,
    });
    expect(isBrowserPlayable(probe)).toBe(true);
  });

  it('reads a phone-style HEVC .mov, which the browser cannot play', async () => {
    const probe = await probeVideo(fixtures.hevcMov);
    expect(Math.abs(probe.durationMs - 6_000)).toBeLessThanOrEqual(100);
    expect(probe).toMatchObject({
      container: 'mov',
      video: { codec: 'hevc', width: 640, height: 360, fps: 30 },
      audio: { codec: 'aac' },
    });
    expect(isBrowserPlayable(probe)).toBe(false);
  });

  it('gives the right code and a message for a person for each kind of bad file', async () => {
    expect(await codeOf(probeVideo(fixtures.notAVideo))).toBe('not_a_video');
    expect(await codeOf(probeVideo(fixtures.truncated))).toBe('unreadable');
    expect(await codeOf(probeVideo(fixtures.zero))).toBe('unreadable');
    expect(await codeOf(probeVideo(path.join(temp.dir, 'missing.mp4')))).toBe('unreadable');
    await expect(probeVideo(fixtures.truncated)).rejects.toThrow(
      /the end of its 12.0 s is missing/,
    );
    await expect(probeVideo(fixtures.zero)).rejects.toThrow(/empty \(0 bytes\)/);
    await expect(probeVideo(fixtures.notAVideo)).rejects.toThrow(/not a video/);
  });

  it('calls a damaged file with a video header unreadable, and audio-only no_video_stream', async () => {
    const damaged = path.join(temp.dir, 'damaged.mp4');
    const header = fs.readFileSync(fixtures.shortH264).subarray(0, 32);
    fs.writeFileSync(damaged, Buffer.concat([header, Buffer.alloc(4096, 0x5a)]));
    expect(await codeOf(probeVideo(damaged))).toBe('unreadable');
    const audioOnly = await makeVideo(path.join(temp.dir, 'voice-memo.mp4'), [
      ...['-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac'],
    ]);
    expect(await codeOf(probeVideo(audioOnly))).toBe('no_video_stream');
  });

  it('reports portrait size for a phone video stored landscape with a rotation', async () => {
    const rotated = await makeVideo(path.join(temp.dir, 'portrait.mp4'), [
      ...['-i', fixtures.shortH264, '-t', '2', '-c', 'copy', '-metadata:s:v', 'rotate=90'],
    ]);
    const probe = await probeVideo(rotated);
    expect(probe.video).toMatchObject({ width: 360, height: 640 });
  });

  it('measures WebM recorded live (as browsers do), which declares no duration', async () => {
    const live = await makeVideo(path.join(temp.dir, 'recorded.webm'), [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=15:duration=3'],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-f', 'webm', '-live', '1'],
    ]);
    const probe = await probeVideo(live);
    expect(Math.abs(probe.durationMs - 3_000)).toBeLessThanOrEqual(100);
    expect(probe).toMatchObject({ container: 'webm', video: { codec: 'vp8' }, audio: null });
    expect(isBrowserPlayable(probe)).toBe(true);
  });

  it('probes an http URL with range requests, and finds truncation there too', async () => {
    const server = serveFiles(path.dirname(fixtures.shortH264));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const probe = await probeVideo(`${base}/short-h264.mp4`);
      expect(probe).toMatchObject({ container: 'mp4', video: { codec: 'h264' } });
      expect(Math.abs(probe.durationMs - 12_000)).toBeLessThanOrEqual(100);
      expect(await codeOf(probeVideo(`${base}/truncated.mp4`))).toBe('unreadable');
      expect(await codeOf(probeVideo(`${base}/zero.mp4`))).toBe('unreadable');
      expect(await codeOf(probeVideo(`${base}/not-a-video.mp4`))).toBe('not_a_video');
      expect(await codeOf(probeVideo(`${base}/gone.mp4`))).toBe('unreadable');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('isBrowserPlayable', () => {
  const probe = (patch: Partial<VideoProbe>, video: Partial<VideoProbe['video']> = {}) => ({
    durationMs: 1000,
    container: 'mp4' as const,
    audio: { codec: 'aac' },
    ...patch,
    video: { codec: 'h264', width: 640, height: 360, fps: 25, pixelFormat: 'yuv420p', ...video },
  });

  it('accepts web codecs in web containers, with or without sound', () => {
    expect(isBrowserPlayable(probe({}))).toBe(true);
    expect(isBrowserPlayable(probe({ audio: null }))).toBe(true);
    expect(isBrowserPlayable(probe({ audio: { codec: 'mp3' } }, { codec: 'av1' }))).toBe(true);
    const webm = { container: 'webm' as const, audio: { codec: 'opus' } };
    expect(isBrowserPlayable(probe(webm, { codec: 'vp9' }))).toBe(true);
    expect(
      isBrowserPlayable(probe({ ...webm, audio: { codec: 'vorbis' } }, { codec: 'vp8' })),
    ).toBe(true);
  });

  it('rejects HEVC, MOV and MKV, odd audio, and H.264 that browsers will not decode', () => {
    expect(isBrowserPlayable(probe({}, { codec: 'hevc' }))).toBe(false);
    expect(isBrowserPlayable(probe({ container: 'mov' }))).toBe(false);
    expect(isBrowserPlayable(probe({ container: 'mkv' }))).toBe(false);
    expect(isBrowserPlayable(probe({ audio: { codec: 'pcm_s16le' } }))).toBe(false);
    expect(isBrowserPlayable(probe({ container: 'webm' }))).toBe(false);
    expect(isBrowserPlayable(probe({}, { pixelFormat: 'yuv420p10le' }))).toBe(false);
    expect(isBrowserPlayable(probe({}, { pixelFormat: 'yuv422p' }))).toBe(false);
  });
});
