import type { Readable } from 'node:stream';

/** The stores Elevate can keep media in. */
export const STORAGE_DRIVERS = ['local', 's3'] as const;
export type StorageDriver = (typeof STORAGE_DRIVERS)[number];

/** How to open a store; `createStorage` turns it into an {@link ObjectStorage}. */
export type StorageConfig =
  | {
      readonly driver: 'local';
      /** The folder that holds objects and unfinished uploads. */
      readonly root: string;
      /** Signs part and download URLs; generated once and kept in `root` when unset. */
      readonly signingSecret?: string;
      /** Origin browsers reach the API at; unset gives root-relative URLs. */
      readonly publicBaseUrl?: string;
    }
  | {
      readonly driver: 's3';
      /** Where the API reaches the store, e.g. `http://127.0.0.1:7480`. */
      readonly endpoint: string;
      readonly region: string;
      readonly bucket: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
      /** Ceph RGW and MinIO need `true`; AWS S3 works either way. */
      readonly forcePathStyle: boolean;
      /** Where browsers reach the store, when not at `endpoint`: presigned URLs use it. */
      readonly publicEndpoint?: string;
      /** When set, the bucket is created if missing and given CORS rules for these origins. */
      readonly corsOrigins?: readonly string[];
    };

/** A request the browser performs itself, straight against the store. */
export interface SignedRequest {
  readonly url: string;
  /** Headers the browser must send for the signature to match (none today). */
  readonly headers: Readonly<Record<string, string>>;
}

/** A part the store holds for an unfinished multipart upload. */
export interface UploadedPart {
  readonly partNumber: number;
  readonly size: number;
  /** Quoted hex MD5 of the part, as S3 returns it in the part PUT's ETag header. */
  readonly etag: string;
}

/** A part named at completion: its number and the ETag its PUT answered with. */
export interface PartRef {
  readonly partNumber: number;
  readonly etag: string;
}

/** An upload that was started and neither completed nor aborted. */
export interface MultipartUpload {
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date;
}

export interface ObjectInfo {
  readonly size: number;
  readonly contentType: string;
  /** Quoted; `"<md5>-<parts>"` for an object assembled from parts, as on S3. */
  readonly etag: string;
}

/** An inclusive byte range, as in HTTP's `Range: bytes=start-end`. */
export interface ByteRange {
  readonly start: number;
  /** Inclusive; the end of the object when omitted. */
  readonly end?: number;
}

export interface SignDownloadOptions {
  /** Playback URLs are short-lived: minutes, not days. */
  readonly expiresInSeconds: number;
  /** Overrides the stored Content-Type in the response. */
  readonly contentType?: string;
  /** Adds a Content-Disposition with this file name. */
  readonly filename?: string;
  /** `attachment` (the default when a filename is given) saves; `inline` plays. */
  readonly disposition?: 'inline' | 'attachment';
}

/**
 * Where lesson media lives. Two implementations pass one contract suite
 * (`storage.contract.ts`): local disk (the embedded default) and any S3-compatible store.
 *
 * Uploads are multipart and direct: the API creates, lists, completes and aborts uploads;
 * the browser PUTs each part to a signed URL (the store itself, or the API's own
 * `localStorageRoutes` for local disk). Keys are `/`-separated segments of
 * `[A-Za-z0-9._-]` that do not start with a dot; anything else is refused (`invalid_key`).
 * Failures are `AppError`s with the codes in `STORAGE_ERROR_CODES`.
 */
export interface ObjectStorage {
  readonly driver: StorageDriver;
  /** Proves the store can be written, read and cleaned now; throws otherwise. */
  check(): Promise<void>;

  /**
   * Starts an upload. Every part but the last must be exactly `partSize` bytes (local disk
   * writes each part at its offset; S3 wants at least 5 MiB).
   */
  createMultipart(
    key: string,
    options: { contentType: string; partSize: number },
  ): Promise<{ uploadId: string }>;
  /** A URL the browser PUTs one part's bytes to; its response carries the part's ETag. */
  signPartUpload(
    key: string,
    uploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<SignedRequest>;
  /** The parts received so far, by part number; a resumed upload sends only the others. */
  listParts(key: string, uploadId: string): Promise<UploadedPart[]>;
  /** Joins parts 1..n into the object at `key` (in any order given; they are sorted). */
  completeMultipart(key: string, uploadId: string, parts: readonly PartRef[]): Promise<ObjectInfo>;
  /** Forgets an upload and its parts; unknown uploads are ignored. */
  abortMultipart(key: string, uploadId: string): Promise<void>;
  /** Unfinished uploads, for cleanup: those started before `olderThan`, under `prefix`. */
  listMultipartUploads(options?: { prefix?: string; olderThan?: Date }): Promise<MultipartUpload[]>;

  /** Stores a whole object (posters, storyboards, transcodes) without buffering a stream. */
  put(key: string, body: Readable | Buffer, contentType: string): Promise<ObjectInfo>;
  /** The object's size, type and ETag, or undefined when there is none. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** The object's bytes (or a range of them); `not_found`, or `range_not_satisfiable`. */
  getStream(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes one object; a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object and unfinished upload whose key starts with `prefix` (ends in `/`). */
  deletePrefix(prefix: string): Promise<void>;
  /** A short-lived URL that serves the object, ranges included, to whoever holds it. */
  signDownload(key: string, options: SignDownloadOptions): Promise<string>;
}
