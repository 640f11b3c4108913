import { AppError, ERROR_CODES } from '../errors';

/** Stable codes of storage failures, the same whichever store is behind the interface. */
export const STORAGE_ERROR_CODES = {
  invalidKey: 'invalid_key',
  invalidStorageRequest: 'invalid_storage_request',
  notFound: ERROR_CODES.notFound,
  uploadNotFound: 'upload_not_found',
  invalidPart: 'invalid_part',
  partTooSmall: 'part_too_small',
  partTooLarge: 'part_too_large',
  partInProgress: 'part_in_progress',
  keyConflict: 'key_conflict',
  rangeNotSatisfiable: 'range_not_satisfiable',
  signatureInvalid: 'signature_invalid',
  urlExpired: 'url_expired',
} as const;

const C = STORAGE_ERROR_CODES;

/** Constructors for the storage failures, so every store words them alike. */
export const storageErrors = {
  invalidKey: (detail: string) => new AppError(C.invalidKey, 400, 'Invalid object key', detail),
  invalidRequest: (detail: string) =>
    new AppError(C.invalidStorageRequest, 400, 'Invalid storage request', detail),
  notFound: (key: string) =>
    new AppError(C.notFound, 404, 'Object not found', `No object at "${key}".`),
  uploadNotFound: (uploadId: string) =>
    new AppError(C.uploadNotFound, 404, 'Upload not found', `No unfinished upload "${uploadId}".`),
  invalidPart: (detail: string) => new AppError(C.invalidPart, 400, 'Invalid part', detail),
  partTooSmall: (detail: string) => new AppError(C.partTooSmall, 400, 'Part too small', detail),
  partTooLarge: (limit: number) =>
    new AppError(C.partTooLarge, 413, 'Part too large', `A part holds at most ${limit} bytes.`),
  partInProgress: (detail: string) =>
    new AppError(C.partInProgress, 409, 'Part upload in progress', detail),
  keyConflict: (key: string) =>
    new AppError(C.keyConflict, 409, 'Key conflict', `"${key}" clashes with another object.`),
  /** With the object's size when known, for the `Content-Range: bytes *\/size` header. */
  rangeNotSatisfiable: (size?: number) => {
    const error = new AppError(C.rangeNotSatisfiable, 416, 'Range not satisfiable');
    if (size !== undefined) error.headers['Content-Range'] = `bytes */${size}`;
    return error;
  },
  signatureInvalid: () =>
    new AppError(C.signatureInvalid, 403, 'Invalid signature', 'This link was altered.'),
  urlExpired: () =>
    new AppError(C.urlExpired, 403, 'Link expired', 'This link has expired: ask for a new one.'),
} as const;
