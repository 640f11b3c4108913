import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { rangeFromHeader } from './byte-range';
import { assertKey, contentDisposition, sortParts } from './storage-input';
import { UrlSigner } from './url-signer';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return 'no error';
};

describe('Range headers', () => {
  const size = 1000;
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=990-', { start: 990, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=0-99999999999999999999', { start: 0, end: 999 }],
  ])('%s asks for %o', (header, range) => {
    expect(rangeFromHeader(header, size)).toEqual(range);
  });

  it.each([
    undefined,
    '',
    'bytes=',
    'bytes=-',
    'bytes=5-1',
    'bytes=0-1,5-6',
    'items=0-1',
    'bytes=a-b',
  ])('%s is ignored: the whole object, 200', (header) => {
    expect(rangeFromHeader(header, size)).toBeUndefined();
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0', 'bytes=99999999999999999999-'])(
    '%s cannot be satisfied: 416',
    (header) => {
      expect(codeOf(() => rangeFromHeader(header, size))).toBe('range_not_satisfiable');
    },
  );

  it('finds nothing to satisfy in an empty object', () => {
    expect(codeOf(() => rangeFromHeader('bytes=0-', 0))).toBe('range_not_satisfiable');
    expect(codeOf(() => rangeFromHeader('bytes=-1', 0))).toBe('range_not_satisfiable');
  });
});

describe('keys, parts and headers', () => {
  it('accepts plain keys', () => {
    expect(assertKey('lessons/0b8e/original/lesson_1.v2.mp4')).toBe(
      'lessons/0b8e/original/lesson_1.v2.mp4',
    );
  });

  it('sorts parts and refuses duplicates', () => {
    expect(
      sortParts([
        { partNumber: 2, etag: 'b' },
        { partNumber: 1, etag: '"a"' },
      ]),
    ).toEqual([
      { partNumber: 1, etag: '"a"' },
      { partNumber: 2, etag: '"b"' },
    ]);
    const twice = [
      { partNumber: 1, etag: 'a' },
      { partNumber: 1, etag: 'a' },
    ];
    expect(codeOf(() => sortParts(twice))).toBe('invalid_part');
    expect(codeOf(() => sortParts([{ partNumber: 10_001, etag: 'a' }]))).toBe('invalid_part');
  });

  it('words a Content-Disposition any browser reads, whatever the file name', () => {
    expect(contentDisposition('Lesson "3" (draft)*.mp4', 'attachment')).toBe(
      `attachment; filename="Lesson _3_ (draft)*.mp4"; filename*=UTF-8''Lesson%20%223%22%20%28draft%29%2A.mp4`,
    );
  });
});

describe('URL signatures', () => {
  const signer = new UrlSigner('secret');
  const grant = { method: 'GET', key: 'a/b.mp4', expires: 2_000_000_000 } as const;

  it('verifies its own signature until the expiry', () => {
    const signature = signer.sign(grant);
    expect(codeOf(() => signer.verify(grant, signature, 1_999_999_999_000))).toBe('no error');
    expect(codeOf(() => signer.verify(grant, signature, 2_000_000_001_000))).toBe('url_expired');
  });

  it('binds every field: another key, method, part or secret fails', () => {
    const signature = signer.sign(grant);
    const now = 1_000;
    expect(codeOf(() => signer.verify({ ...grant, key: 'a/c.mp4' }, signature, now))).toBe(
      'signature_invalid',
    );
    expect(codeOf(() => signer.verify({ ...grant, method: 'PUT' }, signature, now))).toBe(
      'signature_invalid',
    );
    expect(codeOf(() => signer.verify({ ...grant, partNumber: 1 }, signature, now))).toBe(
      'signature_invalid',
    );
    expect(codeOf(() => new UrlSigner('other').verify(grant, signature, now))).toBe(
      'signature_invalid',
    );
    expect(codeOf(() => signer.verify(grant, undefined, now))).toBe('signature_invalid');
  });
});
