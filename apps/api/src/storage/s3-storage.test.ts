import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRgw, startRgw } from '../../../../test/support/rgw';
import { createStorage } from './create-storage';
import { S3Storage } from './s3-storage';
import type { StorageConfig } from './storage';
import { describeStorageContract } from './storage.contract';
import { MiB } from './storage.contract-helpers';

// One Ceph cluster for the whole file: ~2 s to start, plus ~20 s on a machine's first run
// to install the Debian packages.
let rgw: RunningRgw | undefined;
beforeAll(async () => {
  rgw = await startRgw();
}, 600_000); // the first run on a machine installs the Debian packages
afterAll(() => rgw?.stop(), 30_000);

const APP_ORIGIN = 'http://localhost:5173';
const s3Config = (bucket: string): Extract<StorageConfig, { driver: 's3' }> => {
  if (!rgw) throw new Error('RGW is not running');
  return {
    driver: 's3',
    endpoint: rgw.endpoint,
    region: 'us-east-1',
    bucket,
    accessKeyId: rgw.accessKeyId,
    secretAccessKey: rgw.secretAccessKey,
    forcePathStyle: true,
    corsOrigins: [APP_ORIGIN],
  };
};

describeStorageContract('Ceph RGW (S3)', async () => ({
  storage: await createStorage(s3Config('elevate-contract')),
}));

describe('S3: what browsers need from the bucket', { timeout: 60_000 }, () => {
  let storage: S3Storage;
  beforeAll(async () => {
    storage = new S3Storage(s3Config('elevate-cors'));
    await storage.ensureBucket([APP_ORIGIN]);
    await storage.ensureBucket([APP_ORIGIN]); // again: nothing to create, same rules
  });

  it('signs part URLs a plain browser PUT can match: no checksum parameters', async () => {
    const key = `lessons/${randomUUID()}/original/lesson.mp4`;
    const { uploadId } = await storage.createMultipart(key, {
      contentType: 'video/mp4',
      partSize: 5 * MiB,
    });
    const { url, headers } = await storage.signPartUpload(key, uploadId, 1, 60);
    expect(url).not.toMatch(/checksum/i);
    expect(headers).toEqual({});
    expect(new URL(url).origin).toBe(rgw?.endpoint);
    await storage.abortMultipart(key, uploadId);
  });

  it('presigns for the endpoint browsers reach, not the one the API uses', async () => {
    const config = { ...s3Config('elevate-cors'), publicEndpoint: 'https://media.example.org' };
    const url = await new S3Storage(config).signDownload('lessons/x/poster.jpg', {
      expiresInSeconds: 60,
    });
    expect(url).toMatch(/^https:\/\/media\.example\.org\/elevate-cors\/lessons\/x\/poster\.jpg\?/);
  });

  it('answers CORS preflights for every call Uppy makes, and exposes ETag', async () => {
    const objectUrl = `${rgw?.endpoint}/elevate-cors/lessons/x/original/lesson.mp4`;
    for (const method of ['PUT', 'GET', 'HEAD', 'POST', 'DELETE']) {
      const preflight = await fetch(objectUrl, {
        method: 'OPTIONS',
        headers: {
          Origin: APP_ORIGIN,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'content-type,x-amz-date',
        },
      });
      expect(preflight.status, method).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(preflight.headers.get('access-control-allow-methods')).toContain(method);
    }
    const key = `lessons/${randomUUID()}/poster.jpg`;
    await storage.put(key, Buffer.from('poster'), 'image/jpeg');
    const url = await storage.signDownload(key, { expiresInSeconds: 60 });
    const response = await fetch(url, { headers: { Origin: APP_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/etag/i);
    const stranger = await fetch(url, { headers: { Origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    await storage.delete(key);
  });
});
