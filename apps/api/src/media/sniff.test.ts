import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { ACCEPTED_VIDEO_TYPES, SNIFF_BYTES, sniffVideoContainer } from './sniff';
import { getFixtures, makeTempDir, makeVideo, SETUP_TIMEOUT_MS } from './test-support';

const head = async (file: string) => (await fs.readFile(file)).subarray(0, SNIFF_BYTES);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );
/** An `ftyp` box with the given major and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 2, 0], ...compatible);
/** An EBML header holding only a DocType element. */
const ebml = (docType: string) =>
  bytes(
    [0x1a, 0x45, 0xdf, 0xa3, 0x80 | (docType.length + 3), 0x42, 0x82],
    [0x80 | docType.length],
    docType,
  );

describe('sniffVideoContainer', { timeout: 60_000 }, () => {
  let fixtures: Fixtures;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    [fixtures, temp] = await Promise.all([getFixtures(), makeTempDir()]);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => temp.cleanup());

  it('tells the fixtures apart by content, not by their .mp4 names', async () => {
    expect(sniffVideoContainer(await head(fixtures.shortH264))).toBe('mp4');
    expect(sniffVideoContainer(await head(fixtures.hevcMov))).toBe('mov');
    expect(sniffVideoContainer(await head(fixtures.notAVideo))).toBeNull();
    // The start of a broken upload still looks like an MP4: probing finds the damage.
    expect(sniffVideoContainer(await head(fixtures.truncated))).toBe('mp4');
    expect(sniffVideoContainer(await head(fixtures.zero))).toBeNull();
  });

  it('reads the EBML DocType of real WebM and Matroska files', async () => {
    const webm = await makeVideo(path.join(temp.dir, 'a.webm'), [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=15:duration=1'],
      ...['-c:v', 'libvpx', '-deadline', 'realtime'],
    ]);
    const mkv = await makeVideo(path.join(temp.dir, 'a.mkv'), [
      ...['-i', fixtures.shortH264, '-c', 'copy', '-t', '1'],
    ]);
    expect(sniffVideoContainer(await head(webm))).toBe('webm');
    expect(sniffVideoContainer(await head(mkv))).toBe('mkv');
  });

  it('knows the ISO BMFF brands of video, and those of audio and still images', () => {
    expect(sniffVideoContainer(ftyp('mp42', 'isom'))).toBe('mp4');
    expect(sniffVideoContainer(ftyp('M4V ', 'M4V '))).toBe('mp4');
    expect(sniffVideoContainer(ftyp('3gp4', 'isom'))).toBe('mp4');
    expect(sniffVideoContainer(ftyp('qt  ', 'qt  '))).toBe('mov');
    expect(sniffVideoContainer(ftyp('XYZ1', 'isom', 'avc1'))).toBe('mp4');
    expect(sniffVideoContainer(ftyp('XYZ1', 'qt  '))).toBe('mov');
    expect(sniffVideoContainer(ftyp('XYZ1', 'XYZ2'))).toBeNull();
    expect(sniffVideoContainer(ftyp('M4A ', 'M4A ', 'mp42', 'isom'))).toBeNull();
    expect(sniffVideoContainer(ftyp('heic', 'mif1', 'heic'))).toBeNull();
    expect(sniffVideoContainer(ftyp('avif', 'avif', 'mif1'))).toBeNull();
  });

  it('accepts old QuickTime files that start without ftyp', () => {
    expect(sniffVideoContainer(bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 8], 'mdat'))).toBe('mov');
    expect(sniffVideoContainer(bytes([0, 0, 1, 0], 'moov', [0, 0, 0, 0]))).toBe('mov');
  });

  it('rejects other EBML documents, short input and other formats', () => {
    expect(sniffVideoContainer(ebml('webm'))).toBe('webm');
    expect(sniffVideoContainer(ebml('matroska'))).toBe('mkv');
    expect(sniffVideoContainer(ebml('other'))).toBeNull();
    expect(sniffVideoContainer(bytes([0x1a, 0x45, 0xdf]))).toBeNull();
    expect(sniffVideoContainer(bytes([0, 0, 0, 16], 'ft'))).toBeNull();
    expect(sniffVideoContainer(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF', [0, 0, 0, 0]))).toBeNull();
    expect(sniffVideoContainer(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBeNull();
  });

  it('gives a content type for every container it can return', () => {
    expect(ACCEPTED_VIDEO_TYPES.mp4.contentType).toBe('video/mp4');
    expect(ACCEPTED_VIDEO_TYPES.mov.contentType).toBe('video/quicktime');
    expect(ACCEPTED_VIDEO_TYPES.webm.contentType).toBe('video/webm');
    expect(ACCEPTED_VIDEO_TYPES.mkv.contentType).toBe('video/x-matroska');
  });
});
