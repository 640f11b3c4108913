import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsStorage } from './fs-storage';
import { type ServedFsStorage, serveFsStorage } from './fs-storage.test-server';
import { describeStorageContract } from './storage.contract';
import {
  expectStorageError,
  getUrl,
  MiB,
  putToUrl,
  randomData,
  tamperSignature,
} from './storage.contract-helpers';

describeStorageContract('local disk', async () => {
  const served = await serveFsStorage({ signingSecret: 'contract-secret-contract-secret!' });
  return { storage: served.storage, close: () => served.close() };
});

describe('local disk: its own HTTP endpoints', { timeout: 60_000 }, () => {
  let served: ServedFsStorage;
  beforeAll(async () => {
    served = await serveFsStorage();
  });
  afterAll(() => served.close());
  const PART = MiB;
  const startUpload = async () => {
    const key = `lessons/${randomUUID()}/original/lesson.mp4`;
    const { uploadId } = await served.storage.createMultipart(key, {
      contentType: 'video/mp4',
      partSize: PART,
    });
    const sign = (n: number, seconds = 60) =>
      served.storage.signPartUpload(key, uploadId, n, seconds);
    return { key, uploadId, sign };
  };
  const problemOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as { code: string };
  };

  it('answers refusals as problem+json with stable codes', async () => {
    const key = `lessons/${randomUUID()}/poster.jpg`;
    const { size } = await served.storage.put(key, randomData(5000), 'image/jpeg');
    const url = await served.storage.signDownload(key, { expiresInSeconds: 1 });
    expect((await problemOf(await fetch(tamperSignature(url)))).code).toBe('signature_invalid');
    const forged = new URL(url);
    forged.searchParams.set('expires', `${Number(forged.searchParams.get('expires')) + 3600}`);
    expect((await problemOf(await fetch(forged))).code).toBe('signature_invalid');
    const unsatisfiable = await fetch(url, { headers: { Range: `bytes=${size}-` } });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers.get('content-range')).toBe(`bytes */${size}`);
    expect((await problemOf(unsatisfiable)).code).toBe('range_not_satisfiable');
    await served.storage.delete(key);
    expect((await problemOf(await getResponse(url, 404))).code).toBe('not_found');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await problemOf(await getResponse(url, 403))).code).toBe('url_expired');
  });

  it('answers HEAD with the size and no body', async () => {
    const key = `lessons/${randomUUID()}/poster.jpg`;
    await served.storage.put(key, randomData(5000), 'image/jpeg');
    const url = await served.storage.signDownload(key, { expiresInSeconds: 60 });
    const response = await fetch(url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('5000');
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses a part larger than the part size, declared or streamed', async () => {
    const { key, uploadId, sign } = await startUpload();
    const declared = await fetch((await sign(1)).url, {
      method: 'PUT',
      body: randomData(PART + 1),
    });
    expect(declared.status).toBe(413);
    expect((await problemOf(declared)).code).toBe('part_too_large');
    // No Content-Length: the stream is cut off once it passes the part size.
    const body = new Blob([randomData(PART + 1)]).stream();
    const streamed = await fetch((await sign(2)).url, { method: 'PUT', body, duplex: 'half' });
    expect(streamed.status).toBe(413);
    expect(await served.storage.listParts(key, uploadId)).toEqual([]);
    await putToUrl(await sign(2), randomData(PART));
    expect((await served.storage.listParts(key, uploadId)).map((p) => p.partNumber)).toEqual([2]);
  });

  it('refuses a second upload of a part still being received', async () => {
    const { key, uploadId, sign } = await startUpload();
    let release: () => void = () => {};
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(randomData(1000));
        release = () => controller.close();
      },
    });
    const first = fetch((await sign(1)).url, { method: 'PUT', body: slow, duplex: 'half' });
    const data = path.join(served.root, '.uploads', uploadId, 'data');
    await waitFor(async () => (await fs.stat(data)).size >= 1000); // the first bytes are in
    const second = await fetch((await sign(1)).url, { method: 'PUT', body: randomData(10) });
    expect(second.status).toBe(409);
    expect((await problemOf(second)).code).toBe('part_in_progress');
    await expectStorageError(
      served.storage.completeMultipart(key, uploadId, [{ partNumber: 1, etag: '"x"' }]),
      'part_in_progress',
    );
    release();
    expect((await first).status).toBe(200);
    expect(await served.storage.listParts(key, uploadId)).toHaveLength(1);
  });

  it('keeps uploads to their own key, and completes by renaming one file', async () => {
    const { key, uploadId, sign } = await startUpload();
    await expectStorageError(
      served.storage.listParts(`${key}.other`, uploadId),
      'upload_not_found',
    );
    const etag = await putToUrl(await sign(1), randomData(100));
    await served.storage.completeMultipart(key, uploadId, [{ partNumber: 1, etag }]);
    await fs.access(path.join(served.root, 'objects', ...key.split('/')));
    expect(await fs.readdir(path.join(served.root, '.uploads'))).not.toContain(uploadId);
    await putToUrl(await sign(2), randomData(100), 404); // the upload is finished
  });

  it('keeps a generated signing secret, so URLs survive a restart', async () => {
    const key = `lessons/${randomUUID()}/poster.jpg`;
    await served.storage.put(key, randomData(10), 'image/jpeg');
    const restarted = await new FsStorage({
      root: served.root,
      publicBaseUrl: served.origin,
    }).init();
    await getUrl(await restarted.signDownload(key, { expiresInSeconds: 60 }), 200);
    const stat = await fs.stat(path.join(served.root, '.signing-secret'));
    expect(stat.mode & 0o077).toBe(0);
  });
});

async function getResponse(url: string, status: number): Promise<Response> {
  const response = await fetch(url);
  expect(response.status).toBe(status);
  return response;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
