import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ObjectStorage } from './storage';
import {
  expectStorageError,
  getUrl,
  MiB,
  md5Etag,
  putToUrl,
  randomData,
  readAll,
  sha256,
  swapKey,
  tamperSignature,
} from './storage.contract-helpers';

/** Keys that try to leave the store's folder, reach its own files, or smuggle characters. */
const TRICK_KEYS = [
  '../escape',
  'lessons/../../escape',
  '/absolute',
  'lessons//double',
  'lessons/',
  '.signing-secret',
  'lessons/.meta/x',
  'lessons/./x',
  'back\\slash',
  'spa ce',
  'per%2Fcent',
  'ünïcode',
  '',
  'x'.repeat(513),
];

/** Whole objects, playback URLs, deletion and key rules; part of the storage contract. */
export function describeObjectContract(storage: () => ObjectStorage, freshPrefix: () => string) {
  describe('objects', () => {
    it('stores, describes and streams an object, whole and by ranges', async () => {
      const s = storage();
      const key = `${freshPrefix()}poster.jpg`;
      const data = randomData(256 * 1024 + 7);
      const info = await s.put(key, data, 'image/jpeg');
      expect(info).toEqual({ size: data.length, contentType: 'image/jpeg', etag: md5Etag(data) });
      expect(await s.head(key)).toEqual(info);
      const read = async (range?: { start: number; end?: number }) =>
        readAll(await s.getStream(key, range));
      expect((await read()).equals(data)).toBe(true);
      expect((await read({ start: 100, end: 199 })).equals(data.subarray(100, 200))).toBe(true);
      expect((await read({ start: data.length - 10 })).equals(data.subarray(-10))).toBe(true);
      expect((await read({ start: 5, end: data.length + 99 })).equals(data.subarray(5))).toBe(true);
      await expectStorageError(s.getStream(key, { start: data.length }), 'range_not_satisfiable');
      expect(await s.head(`${key}.missing`)).toBeUndefined();
      await expectStorageError(s.getStream(`${key}.missing`), 'not_found');
    });

    it('streams in a large object of unknown length, and replaces it whole', async () => {
      const s = storage();
      const key = `${freshPrefix()}playable.mp4`;
      const data = randomData(9 * MiB + 123);
      const chunks = function* () {
        for (let at = 0; at < data.length; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024);
      };
      const info = await s.put(key, Readable.from(chunks()), 'video/mp4');
      expect(info).toMatchObject({ size: data.length, contentType: 'video/mp4' });
      expect(sha256(await readAll(await s.getStream(key)))).toBe(sha256(data));
      const smaller = randomData(1000);
      await s.put(key, smaller, 'video/webm');
      expect(await s.head(key)).toMatchObject({ size: 1000, contentType: 'video/webm' });
      expect((await readAll(await s.getStream(key))).equals(smaller)).toBe(true);
    });

    it('signs short-lived download URLs that serve ranges over HTTP', async () => {
      const s = storage();
      const key = `${freshPrefix()}clip.mp4`;
      const data = randomData(MiB + 3);
      const size = data.length;
      await s.put(key, data, 'video/mp4');
      const url = await s.signDownload(key, { expiresInSeconds: 60 });
      const whole = await getUrl(url, 200);
      expect(whole.headers.get('content-type')).toBe('video/mp4');
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(whole.headers.get('content-length')).toBe(`${size}`);
      expect(sha256(whole.body)).toBe(sha256(data));
      const first = await getUrl(url, 206, { Range: 'bytes=0-99' });
      expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
      expect(first.headers.get('content-type')).toBe('video/mp4');
      expect(first.body.equals(data.subarray(0, 100))).toBe(true);
      const tail = await getUrl(url, 206, { Range: `bytes=${size - 100}-` });
      expect(tail.headers.get('content-range')).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
      expect(tail.body.equals(data.subarray(-100))).toBe(true);
      const suffix = await getUrl(url, 206, { Range: 'bytes=-10' });
      expect(suffix.body.equals(data.subarray(-10))).toBe(true);
      await getUrl(url, 416, { Range: `bytes=${size}-` });

      const named = await s.signDownload(key, {
        expiresInSeconds: 60,
        contentType: 'application/octet-stream',
        filename: 'Lesson 3 – fractions.mp4',
      });
      const saved = await getUrl(named, 200);
      expect(saved.headers.get('content-type')).toBe('application/octet-stream');
      const disposition = saved.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment;/);
      expect(disposition).toContain("filename*=UTF-8''Lesson%203%20%E2%80%93%20fractions.mp4");
      const inline = await s.signDownload(key, {
        expiresInSeconds: 60,
        filename: 'clip.mp4',
        disposition: 'inline',
      });
      expect((await getUrl(inline, 200)).headers.get('content-disposition')).toMatch(/^inline;/);
    });

    it('refuses altered and expired URLs', async () => {
      const s = storage();
      const prefix = freshPrefix();
      const key = `${prefix}clip.mp4`;
      await s.put(key, randomData(1000), 'video/mp4');
      await s.put(`${prefix}other.mp4`, randomData(1000), 'video/mp4');
      const { uploadId } = await s.createMultipart(`${prefix}upload.mp4`, {
        contentType: 'video/mp4',
        partSize: 5 * MiB,
      });
      const part = await s.signPartUpload(`${prefix}upload.mp4`, uploadId, 1, 1);
      const download = await s.signDownload(key, { expiresInSeconds: 1 });
      await getUrl(tamperSignature(download), 403);
      await getUrl(swapKey(download, 'clip.mp4', 'other.mp4'), 403);
      await putToUrl(
        { url: tamperSignature(part.url), headers: part.headers },
        randomData(10),
        403,
      );
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await getUrl(download, 403);
      await putToUrl(part, randomData(10), 403);
      expect(await s.listParts(`${prefix}upload.mp4`, uploadId)).toEqual([]);
      await s.abortMultipart(`${prefix}upload.mp4`, uploadId);
    });

    it('refuses keys with path tricks, before touching the store', async () => {
      const s = storage();
      const body = Buffer.from('x');
      for (const key of TRICK_KEYS) {
        await expectStorageError(s.put(key, body, 'text/plain'), 'invalid_key');
        await expectStorageError(s.head(key), 'invalid_key');
        await expectStorageError(s.getStream(key), 'invalid_key');
        await expectStorageError(s.delete(key), 'invalid_key');
        await expectStorageError(s.signDownload(key, { expiresInSeconds: 60 }), 'invalid_key');
        await expectStorageError(
          s.createMultipart(key, { contentType: 'video/mp4', partSize: 5 * MiB }),
          'invalid_key',
        );
        await expectStorageError(s.signPartUpload(key, 'some-upload', 1, 60), 'invalid_key');
      }
      for (const prefix of ['', '/', '../', 'lessons', 'lessons/../', '.uploads/']) {
        await expectStorageError(s.deletePrefix(prefix), 'invalid_key');
        await expectStorageError(s.listMultipartUploads({ prefix }), 'invalid_key');
      }
    });

    it('deletes an object, and everything under a prefix, unfinished uploads included', async () => {
      const s = storage();
      const base = freshPrefix();
      const keys = [`${base}lesson/a.mp4`, `${base}lesson/b/c.jpg`, `${base}lesson-2/d.mp4`];
      for (const key of keys) await s.put(key, randomData(100), 'video/mp4');
      await s.createMultipart(`${base}lesson/e.mp4`, {
        contentType: 'video/mp4',
        partSize: 5 * MiB,
      });
      await s.deletePrefix(`${base}lesson/`);
      expect(await s.head(keys[0] as string)).toBeUndefined();
      expect(await s.head(keys[1] as string)).toBeUndefined();
      expect(await s.listMultipartUploads({ prefix: `${base}lesson/` })).toEqual([]);
      expect(await s.head(keys[2] as string)).toMatchObject({ size: 100 }); // a sibling, not under
      await s.delete(keys[2] as string);
      expect(await s.head(keys[2] as string)).toBeUndefined();
      await s.delete(keys[2] as string); // deleting what is gone is fine
      await s.deletePrefix(`${base}nothing-here/`);
    });

    it('proves itself healthy', async () => {
      await expect(storage().check()).resolves.toBeUndefined();
    });
  });
}
