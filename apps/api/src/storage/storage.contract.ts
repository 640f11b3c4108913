import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStorage } from './storage';
import {
  expectStorageError,
  MiB,
  md5Etag,
  putToUrl,
  randomData,
  readAll,
  sha256,
} from './storage.contract-helpers';
import { describeObjectContract } from './storage.contract-objects';

/** A store under test, and how to let it go. */
export interface StorageSubject {
  storage: ObjectStorage;
  close?(): Promise<void>;
}

/** The smallest part S3 accepts before the last one: the contract's part size. */
const PART = 5 * MiB;

/**
 * The behaviour every `ObjectStorage` must show, run against a real store: the local disk
 * served over real HTTP, or a real S3-compatible server. Part and download URLs are
 * exercised with fetch, as a browser would. Each test works under its own random prefix.
 */
export function describeStorageContract(name: string, open: () => Promise<StorageSubject>) {
  describe(`${name}: storage contract`, { timeout: 120_000 }, () => {
    let subject: StorageSubject | undefined;
    beforeAll(async () => {
      subject = await open();
    }, 120_000);
    afterAll(() => subject?.close?.());
    const storage = () => subject?.storage as ObjectStorage;
    const freshPrefix = () => `contract/${randomUUID()}/`;

    describe('multipart uploads', () => {
      const data = randomData(2 * PART + 1.5 * MiB);
      const parts = [0, 1, 2].map((i) => data.subarray(i * PART, (i + 1) * PART));

      it('takes parts out of order, resumed and re-sent, into a byte-identical object', async () => {
        const prefix = freshPrefix();
        const key = `${prefix}original/lesson.mp4`;
        const s = storage();
        const { uploadId } = await s.createMultipart(key, {
          contentType: 'video/mp4',
          partSize: PART,
        });
        const send = async (n: number, bytes: Uint8Array) =>
          putToUrl(await s.signPartUpload(key, uploadId, n, 300), bytes);
        // The last part first, in a wrong (longer) version, then part 1: then the tab closes.
        // Part ETags are opaque tokens (S3 happens to use MD5s; local disk does not): what
        // matters is that ListParts reports the ETag each part's PUT answered with.
        const answered = new Map<number, string>();
        const sendKeep = async (n: number, bytes: Uint8Array) => {
          const etag = await send(n, bytes);
          expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
          answered.set(n, etag);
          return etag;
        };
        await sendKeep(3, randomData(2 * MiB));
        await sendKeep(1, parts[0] as Buffer);
        const resumed = await s.listParts(key, uploadId);
        expect(resumed.map((p) => p.partNumber)).toEqual([1, 3]);
        expect(resumed[1]?.size).toBe(2 * MiB);
        // Resumed: the missing part, and the last one again, right this time.
        for (const n of [2, 3]) await sendKeep(n, parts[n - 1] as Buffer);
        const listed = await s.listParts(key, uploadId);
        expect(listed).toEqual(
          parts.map((bytes, i) => ({
            partNumber: i + 1,
            size: bytes.length,
            etag: answered.get(i + 1),
          })),
        );

        const named = [listed[2], listed[0], listed[1]].map((p) => ({
          partNumber: p?.partNumber ?? 0,
          etag: p?.etag ?? '',
        }));
        const info = await s.completeMultipart(key, uploadId, named);
        expect(info).toMatchObject({ size: data.length, contentType: 'video/mp4' });
        expect(info.etag).toMatch(/^"[0-9a-f]{32}-3"$/);
        expect(await s.head(key)).toEqual(info);
        expect(sha256(await readAll(await s.getStream(key)))).toBe(sha256(data));
        const across = await readAll(await s.getStream(key, { start: PART - 10, end: PART + 9 }));
        expect(across.equals(data.subarray(PART - 10, PART + 10))).toBe(true);
        const unfinished = await s.listMultipartUploads({ prefix });
        expect(unfinished.map((u) => u.uploadId)).not.toContain(uploadId);
      });

      it('aborts: the upload and its parts are gone, and stay gone', async () => {
        const prefix = freshPrefix();
        const key = `${prefix}lesson.mp4`;
        const s = storage();
        const { uploadId } = await s.createMultipart(key, {
          contentType: 'video/mp4',
          partSize: PART,
        });
        const etag = await putToUrl(await s.signPartUpload(key, uploadId, 1, 60), randomData(MiB));
        await s.abortMultipart(key, uploadId);
        await expectStorageError(s.listParts(key, uploadId), 'upload_not_found');
        expect(await s.listMultipartUploads({ prefix })).toEqual([]);
        await putToUrl(await s.signPartUpload(key, uploadId, 2, 60), randomData(MiB), 404);
        await expectStorageError(
          s.completeMultipart(key, uploadId, [{ partNumber: 1, etag }]),
          'upload_not_found',
        );
        await s.abortMultipart(key, uploadId); // twice is fine
        expect(await s.head(key)).toBeUndefined();
      });

      it('lists unfinished uploads by prefix and age, for cleanup', async () => {
        const prefix = freshPrefix();
        const key = `${prefix}lesson.mp4`;
        const s = storage();
        const { uploadId } = await s.createMultipart(key, {
          contentType: 'video/mp4',
          partSize: PART,
        });
        const listed = await s.listMultipartUploads({ prefix });
        expect(listed).toEqual([{ key, uploadId, initiated: expect.any(Date) }]);
        expect(Math.abs((listed[0]?.initiated.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
        const hourAgo = new Date(Date.now() - 3_600_000);
        expect(await s.listMultipartUploads({ prefix, olderThan: hourAgo })).toEqual([]);
        const later = new Date(Date.now() + 60_000);
        expect(await s.listMultipartUploads({ prefix, olderThan: later })).toHaveLength(1);
        const everywhere = await s.listMultipartUploads();
        expect(everywhere.map((u) => u.uploadId)).toContain(uploadId);
        await s.abortMultipart(key, uploadId);
      });

      it('refuses to complete with parts not received as named, or too small', async () => {
        const key = `${freshPrefix()}lesson.mp4`;
        const s = storage();
        const { uploadId } = await s.createMultipart(key, {
          contentType: 'video/mp4',
          partSize: PART,
        });
        const send = async (n: number) =>
          putToUrl(await s.signPartUpload(key, uploadId, n, 60), randomData(MiB));
        const first = await send(1);
        const complete = (named: { partNumber: number; etag: string }[]) =>
          s.completeMultipart(key, uploadId, named);
        await expectStorageError(
          complete([{ partNumber: 1, etag: md5Etag(randomData(8)) }]),
          'invalid_part',
        );
        await expectStorageError(complete([{ partNumber: 2, etag: first }]), 'invalid_part');
        await expectStorageError(complete([]), 'invalid_part');
        const second = await send(2);
        const both = [
          { partNumber: 1, etag: first },
          { partNumber: 2, etag: second },
        ];
        await expectStorageError(
          complete([...both, { partNumber: 1, etag: first }]),
          'invalid_part',
        );
        await expectStorageError(complete(both), 'part_too_small');
        expect(await s.listParts(key, uploadId)).toHaveLength(2); // still there to fix
        await s.abortMultipart(key, uploadId);
      });
    });

    describeObjectContract(storage, freshPrefix);
  });
}
