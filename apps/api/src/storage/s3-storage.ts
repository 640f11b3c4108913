import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertRange } from './byte-range';
import { deleteUnder, ensureBucket, listUploads } from './s3-bucket';
import { createS3Client, type S3StorageConfig, s3ErrorCode, toStorageError } from './s3-client';
import { S3Multipart } from './s3-multipart';
import type {
  ByteRange,
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
  contentDisposition,
  quoteEtag,
} from './storage-input';

/**
 * Lesson media in any S3-compatible store (Ceph RGW, MinIO, AWS S3). The browser talks to
 * the store directly with presigned URLs signed for `publicEndpoint`; the API uses
 * `endpoint`. The bucket needs the CORS rules `ensureBucket` sets.
 */
export class S3Storage implements ObjectStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;
  private readonly presigner: S3Client;
  private readonly bucket: string;
  private readonly multipart: S3Multipart;

  constructor(config: S3StorageConfig) {
    this.client = createS3Client(config);
    this.presigner = createS3Client(config, config.publicEndpoint ?? config.endpoint);
    this.bucket = config.bucket;
    this.multipart = new S3Multipart(this.client, this.presigner, config.bucket);
  }

  /** Creates the bucket when missing and lets `origins` upload to and play from it. */
  async ensureBucket(origins: readonly string[]): Promise<void> {
    return ensureBucket(this.client, this.bucket, origins);
  }

  async check(): Promise<void> {
    // A dot-name no valid key can reach, so the probe never touches media.
    const Key = `.probe/${randomUUID()}`;
    const Bucket = this.bucket;
    await this.client.send(new PutObjectCommand({ Bucket, Key, Body: 'ok', ContentLength: 2 }));
    try {
      const got = await this.client.send(new GetObjectCommand({ Bucket, Key }));
      if ((await got.Body?.transformToString()) !== 'ok') throw new Error('storage read mismatch');
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket, Key }));
    }
  }

  async createMultipart(key: string, options: { contentType: string; partSize: number }) {
    // The part size is the browser's business here: S3 checks only the 5 MiB minimum.
    const contentType = assertContentType(options.contentType);
    return { uploadId: await this.multipart.create(assertKey(key), contentType) };
  }

  async signPartUpload(key: string, uploadId: string, partNumber: number, expiresIn: number) {
    const url = await this.multipart.signPart(
      assertKey(key),
      uploadId,
      assertPartNumber(partNumber),
      assertExpiry(expiresIn),
    );
    return { url, headers: {} } satisfies SignedRequest;
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    return this.multipart.listParts(assertKey(key), uploadId);
  }

  async completeMultipart(key: string, uploadId: string, parts: readonly PartRef[]) {
    await this.multipart.complete(assertKey(key), uploadId, parts);
    return this.mustHead(key);
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.multipart.abort(assertKey(key), uploadId);
  }

  async listMultipartUploads(options: { prefix?: string; olderThan?: Date } = {}) {
    if (options.prefix !== undefined) assertPrefix(options.prefix);
    return listUploads(this.client, this.bucket, options);
  }

  async put(key: string, body: Readable | Buffer, contentType: string): Promise<ObjectInfo> {
    // lib-storage sends a stream of unknown length in parts (one PutObject when it is
    // small), holding at most queueSize x partSize in memory.
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: assertKey(key),
        Body: body,
        ContentType: assertContentType(contentType),
      },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
      leavePartsOnError: false,
    });
    await upload.done();
    return this.mustHead(key);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const found = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }),
      );
      return {
        size: found.ContentLength ?? 0,
        contentType: found.ContentType ?? 'application/octet-stream',
        etag: quoteEtag(found.ETag ?? ''),
      };
    } catch (error) {
      const code = s3ErrorCode(error);
      if (code === 'NotFound' || code === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async getStream(key: string, range?: ByteRange): Promise<Readable> {
    const Range = range ? `bytes=${assertRange(range).start}-${range.end ?? ''}` : undefined;
    try {
      const got = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: assertKey(key), Range }),
      );
      if (!(got.Body instanceof Readable)) throw new Error('the store returned no body stream');
      return got.Body;
    } catch (error) {
      if (s3ErrorCode(error) === 'InvalidRange') {
        throw storageErrors.rangeNotSatisfiable((await this.head(key))?.size);
      }
      throw toStorageError(error, { key });
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    for (const upload of await this.listMultipartUploads({ prefix })) {
      await this.abortMultipart(upload.key, upload.uploadId);
    }
    await deleteUnder(this.client, this.bucket, assertPrefix(prefix));
  }

  async signDownload(key: string, options: SignDownloadOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: assertKey(key),
      ResponseContentType:
        options.contentType === undefined ? undefined : assertContentType(options.contentType),
      ResponseContentDisposition: options.filename
        ? contentDisposition(options.filename, options.disposition ?? 'attachment')
        : undefined,
    });
    return getSignedUrl(this.presigner, command, {
      expiresIn: assertExpiry(options.expiresInSeconds),
    });
  }

  private async mustHead(key: string): Promise<ObjectInfo> {
    const info = await this.head(key);
    if (!info) throw storageErrors.notFound(key);
    return info;
  }
}
