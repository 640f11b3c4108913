/*
 * Uppy's S3 plugin (v6) asks one `signRequest({ method, key, uploadId?, partNumber? })` for
 * every S3 call and then makes the call itself, reading S3's XML answers. Elevate's API
 * keeps the control calls (create, list parts, complete, abort) so it can check who asks and
 * record the upload, and answers them in S3's shapes; only the part PUTs go to the store, on
 * URLs the API signs. This module is the mapping, kept pure so it is tested on its own.
 *
 * The S3 object key Uppy carries is only ever seen here, so the app makes it the id of our
 * upload record (`generateObjectKey`): every request then names the upload it belongs to,
 * after a reload too (golden-retriever persists the key with the store's upload id).
 */

/** The request Uppy asks to be signed: the shape of its `PresignableRequest`. */
export type S3Request = {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  key: string;
  uploadId?: string;
  partNumber?: number;
};

export type S3Call = 'create' | 'list' | 'complete' | 'abort';

/** Where a request goes: one of our control endpoints, or a part PUT the API must sign. */
export type S3Target =
  | { kind: 'control'; call: S3Call; uploadId: string; url: string }
  | { kind: 'part'; uploadId: string; partNumber: number };

const UPLOAD_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The upload id the key carries, or an error: anything else is a bug, not a user mistake. */
export function uploadIdOfKey(key: string): string {
  if (!UPLOAD_ID.test(key)) throw new Error(`not an Elevate upload key: ${key}`);
  return key;
}

/** Maps one of Uppy's S3 requests to our API (root-relative URLs). */
export function toS3Target(request: S3Request): S3Target {
  const id = uploadIdOfKey(request.key);
  const base = `/api/uploads/${encodeURIComponent(id)}`;
  const control = (call: S3Call, path: string): S3Target => ({
    kind: 'control',
    call,
    uploadId: id,
    url: `${base}${path}`,
  });
  const hasUpload = typeof request.uploadId === 'string' && request.uploadId !== '';
  switch (request.method) {
    case 'POST':
      return hasUpload ? control('complete', '/s3/complete') : control('create', '/s3/create');
    case 'GET':
      if (hasUpload) return control('list', '/s3/parts');
      break;
    case 'DELETE':
      if (hasUpload) return control('abort', '/s3');
      break;
    case 'PUT':
      if (hasUpload && Number.isInteger(request.partNumber) && (request.partNumber ?? 0) > 0) {
        return { kind: 'part', uploadId: id, partNumber: request.partNumber as number };
      }
      break;
  }
  // Single-request PUTs and object deletes: the app always uploads in parts.
  throw new Error(`unsupported S3 request: ${request.method}${hasUpload ? ' (multipart)' : ''}`);
}

/**
 * An absolute URL for the browser's request: the local store signs root-relative URLs
 * (`/api/storage/local/...`), an S3 store absolute ones, which are kept as they are.
 */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).href;
}
