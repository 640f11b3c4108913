import type { PartRef } from './storage';
import { storageErrors } from './storage-errors';

// A segment may not start with a dot: that refuses `.` and `..` and keeps dot-names
// (the local store's `.uploads`, `.meta`, ...) out of reach of any key.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;
/** S3's limits: part numbers 1..10000, presigned URLs live at most 7 days. */
export const MAX_PART_NUMBER = 10_000;
const MAX_EXPIRY_SECONDS = 7 * 24 * 3600;
// type/subtype with optional parameters, and nothing that could split a header.
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;[\x20-\x7e]*)?$/;

/** Refuses any key that could escape the store's folder or clash with its own files. */
export function assertKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw storageErrors.invalidKey(`A key has 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  if (!key.split('/').every((segment) => SEGMENT.test(segment))) {
    throw storageErrors.invalidKey(
      'A key is "/"-separated segments of letters, digits, ".", "_" and "-", none starting with ".".',
    );
  }
  return key;
}

/** A prefix is a key followed by `/`, so `lessons/1/` never reaches `lessons/10/`. */
export function assertPrefix(prefix: string): string {
  if (typeof prefix !== 'string' || !prefix.endsWith('/')) {
    throw storageErrors.invalidKey('A prefix ends with "/".');
  }
  assertKey(prefix.slice(0, -1));
  return prefix;
}

export function assertPartNumber(partNumber: number): number {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw storageErrors.invalidPart(`Part numbers run from 1 to ${MAX_PART_NUMBER}.`);
  }
  return partNumber;
}

export function assertExpiry(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRY_SECONDS) {
    throw storageErrors.invalidRequest(`Links expire after 1 to ${MAX_EXPIRY_SECONDS} seconds.`);
  }
  return seconds;
}

export function assertContentType(contentType: string): string {
  if (
    typeof contentType !== 'string' ||
    contentType.length > 200 ||
    !MEDIA_TYPE.test(contentType)
  ) {
    throw storageErrors.invalidRequest('The content type is not a valid media type.');
  }
  return contentType;
}

/** S3 quotes ETags; callers may hand them back either way. */
export function quoteEtag(etag: string): string {
  return `"${etag.replace(/^"|"$/g, '')}"`;
}

/** Parts in ascending order, each once: what S3's CompleteMultipartUpload requires. */
export function sortParts(parts: readonly PartRef[]): PartRef[] {
  if (parts.length === 0) throw storageErrors.invalidPart('Name at least one part.');
  const sorted = parts
    .map((part) => ({ partNumber: assertPartNumber(part.partNumber), etag: quoteEtag(part.etag) }))
    .sort((a, b) => a.partNumber - b.partNumber);
  sorted.forEach((part, index) => {
    if (index > 0 && sorted[index - 1]?.partNumber === part.partNumber) {
      throw storageErrors.invalidPart(`Part ${part.partNumber} is named twice.`);
    }
  });
  return sorted;
}

/** A Content-Disposition value that survives any file name (RFC 6266 with RFC 8187). */
export function contentDisposition(filename: string, disposition: 'inline' | 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 8187 does not allow unescaped.
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
