import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { keptSecret } from './fs-files';
import { FsMultipart } from './fs-multipart';
import { FsObjects } from './fs-objects';
import type {
  ByteRange,
  MultipartUpload,
  ObjectInfo,
  ObjectStorage,
  PartRef,
  SignDownloadOptions,
  SignedRequest,
  UploadedPart,
} from './storage';
import { storageErrors } from './storage-errors';
import {
  assertContentType,
  assertExpiry,
  assertKey,
  assertPartNumber,
  assertPrefix,
} from './storage-input';
import { type UrlGrant, UrlSigner } from './url-signer';

/** Where `localStorageRoutes` is mounted in the API, unless told otherwise. */
export const LOCAL_STORAGE_MOUNT_PATH = '/api/storage/local';

export interface FsStorageOptions {
  /** The folder that holds everything: `objects/`, `.meta/`, `.uploads/`, `.tmp/`. */
  readonly root: string;
  /** Signs URLs; when unset, one is generated once and kept in `root/.signing-secret`. */
  readonly signingSecret?: string;
  /** Origin (and path prefix, if any) browsers reach the API at; unset: root-relative URLs. */
  readonly publicBaseUrl?: string;
  /** Where `localStorageRoutes(this)` is mounted: {@link LOCAL_STORAGE_MOUNT_PATH} by default. */
  readonly mountPath?: string;
}

/**
 * Lesson media in a folder of the data directory (the embedded default). Its signed URLs
 * point at `localStorageRoutes`, which this class backs: `PUT {mount}/objects/{key}` for
 * parts and `GET {mount}/objects/{key}` for playback. Run one API process per folder: the
 * guards against concurrent part writes live in memory.
 */
export class FsStorage implements ObjectStorage {
  readonly driver = 'local' as const;
  private readonly objects: FsObjects;
  private readonly multipart: FsMultipart;
  private readonly baseUrl: string;
  private signer: UrlSigner | undefined;

  constructor(private readonly options: FsStorageOptions) {
    this.objects = new FsObjects(options.root);
    this.multipart = new FsMultipart(path.join(options.root, '.uploads'));
    const origin = (options.publicBaseUrl ?? '').replace(/\/+$/, '');
    this.baseUrl = `${origin}${options.mountPath ?? LOCAL_STORAGE_MOUNT_PATH}`;
  }

  /** Makes the folders and loads (or keeps) the signing secret; call once before use. */
  async init(): Promise<this> {
    for (const dir of ['.probe', '.uploads']) {
      await fs.mkdir(path.join(this.options.root, dir), { recursive: true });
    }
    await this.objects.init();
    const secret =
      this.options.signingSecret ??
      (await keptSecret(path.join(this.options.root, '.signing-secret')));
    this.signer = new UrlSigner(secret);
    return this;
  }

  async check(): Promise<void> {
    const probe = path.join(this.options.root, '.probe', randomUUID());
    await fs.writeFile(probe, 'ok');
    try {
      if ((await fs.readFile(probe, 'utf8')) !== 'ok') throw new Error('storage read mismatch');
    } finally {
      await fs.rm(probe, { force: true });
    }
  }

  async createMultipart(key: string, options: { contentType: string; partSize: number }) {
    assertKey(key);
    assertContentType(options.contentType);
    if (!Number.isSafeInteger(options.partSize) || options.partSize < 1) {
      throw storageErrors.invalidRequest('The part size is a positive number of bytes.');
    }
    return { uploadId: await this.multipart.create(key, options.contentType, options.partSize) };
  }

  async signPartUpload(key: string, uploadId: string, partNumber: number, expiresIn: number) {
    const grant: UrlGrant = {
      method: 'PUT',
      key: assertKey(key),
      uploadId,
      partNumber: assertPartNumber(partNumber),
      expires: Math.floor(Date.now() / 1000) + assertExpiry(expiresIn),
    };
    return { url: this.signedUrl(grant), headers: {} } satisfies SignedRequest;
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    return this.multipart.listParts(assertKey(key), uploadId);
  }

  async completeMultipart(key: string, uploadId: string, parts: readonly PartRef[]) {
    return this.multipart.complete(assertKey(key), uploadId, parts, (file, info) =>
      this.objects.commit(key, file, info),
    );
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    return this.multipart.abort(assertKey(key), uploadId);
  }

  async listMultipartUploads(options: { prefix?: string; olderThan?: Date } = {}) {
    if (options.prefix !== undefined) assertPrefix(options.prefix);
    return (await this.multipart.list(options)) satisfies MultipartUpload[];
  }

  async put(key: string, body: Readable | Buffer, contentType: string): Promise<ObjectInfo> {
    return this.objects.put(assertKey(key), body, assertContentType(contentType));
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    return this.objects.head(assertKey(key));
  }

  async getStream(key: string, range?: ByteRange): Promise<Readable> {
    return this.objects.stream(assertKey(key), range);
  }

  async delete(key: string): Promise<void> {
    await this.objects.delete(assertKey(key));
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertPrefix(prefix);
    for (const upload of await this.multipart.list({ prefix })) {
      await this.multipart.abort(upload.key, upload.uploadId);
    }
    await this.objects.deleteUnder(prefix);
  }

  async signDownload(key: string, options: SignDownloadOptions): Promise<string> {
    assertKey(key);
    if (options.contentType !== undefined) assertContentType(options.contentType);
    return this.signedUrl({
      method: 'GET',
      key,
      expires: Math.floor(Date.now() / 1000) + assertExpiry(options.expiresInSeconds),
      contentType: options.contentType,
      filename: options.filename,
      disposition: options.filename ? (options.disposition ?? 'attachment') : undefined,
    });
  }

  /**
   * Streams one part of an upload to disk; for `localStorageRoutes`, after `verify`. A
   * declared Content-Length over the part size is refused before a byte is written.
   */
  async receivePart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    contentLength?: string,
  ): Promise<UploadedPart> {
    const declared = contentLength === undefined ? undefined : Number(contentLength);
    return this.multipart.writePart(assertKey(key), uploadId, partNumber, body, declared);
  }

  /** Throws `signature_invalid` or `url_expired` unless the URL's signature grants this. */
  verify(grant: UrlGrant, signature: string | undefined): void {
    this.requireSigner().verify(grant, signature);
  }

  private signedUrl(grant: UrlGrant): string {
    return `${this.baseUrl}/objects/${grant.key}?${this.requireSigner().query(grant)}`;
  }

  private requireSigner(): UrlSigner {
    if (!this.signer) throw new Error('FsStorage used before init()');
    return this.signer;
  }
}
