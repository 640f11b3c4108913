import { describe, expect, it } from 'vitest';
import { absoluteUrl, toS3Target } from './s3-requests';

const id = '0b5d6a3e-6f1c-4a8e-9d0a-2f4b8c1e7a90';
const storeId = 'store-upload-id~with.odd/chars';

describe('signRequest mapping (Uppy S3 request -> Elevate API)', () => {
  it('sends create, list, complete and abort to our S3-shaped control endpoints', () => {
    expect(toS3Target({ method: 'POST', key: id })).toEqual({
      kind: 'control',
      call: 'create',
      uploadId: id,
      url: `/api/uploads/${id}/s3/create`,
    });
    expect(toS3Target({ method: 'GET', key: id, uploadId: storeId })).toMatchObject({
      call: 'list',
      url: `/api/uploads/${id}/s3/parts`,
    });
    expect(toS3Target({ method: 'POST', key: id, uploadId: storeId })).toMatchObject({
      call: 'complete',
      url: `/api/uploads/${id}/s3/complete`,
    });
    expect(toS3Target({ method: 'DELETE', key: id, uploadId: storeId })).toMatchObject({
      call: 'abort',
      url: `/api/uploads/${id}/s3`,
    });
  });

  it('turns a part PUT into a signing call for that part of our upload', () => {
    expect(toS3Target({ method: 'PUT', key: id, uploadId: storeId, partNumber: 7 })).toEqual({
      kind: 'part',
      uploadId: id,
      partNumber: 7,
    });
  });

  it('refuses what the app never does: single PUTs, object deletes, foreign keys', () => {
    expect(() => toS3Target({ method: 'PUT', key: id })).toThrow(/unsupported/);
    expect(() => toS3Target({ method: 'DELETE', key: id })).toThrow(/unsupported/);
    expect(() => toS3Target({ method: 'GET', key: id })).toThrow(/unsupported/);
    expect(() => toS3Target({ method: 'PUT', key: id, uploadId: storeId, partNumber: 0 })).toThrow(
      /unsupported/,
    );
    expect(() => toS3Target({ method: 'POST', key: '../users' })).toThrow(/not an Elevate/);
    expect(() => toS3Target({ method: 'POST', key: 'abc-lesson.mp4' })).toThrow(/not an Elevate/);
  });

  it('resolves the local store’s root-relative part URLs, and keeps a store’s absolute ones', () => {
    const origin = 'https://elevate.school.test';
    expect(absoluteUrl('/api/storage/local/objects/k?sig=1', origin)).toBe(
      'https://elevate.school.test/api/storage/local/objects/k?sig=1',
    );
    const presigned = 'https://s3.district.test/bucket/k?X-Amz-Signature=abc&partNumber=2';
    expect(absoluteUrl(presigned, origin)).toBe(presigned);
  });
});
