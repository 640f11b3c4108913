import { S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from './storage';
import { storageErrors } from './storage-errors';

/** What `S3Storage` needs: the `s3` branch of {@link StorageConfig}. */
export type S3StorageConfig = Omit<Extract<StorageConfig, { driver: 's3' }>, 'driver'>;

/**
 * A client set up for S3-compatible stores (Ceph RGW, MinIO, ...), not only AWS. Pass the
 * endpoint the caller reaches: the API's own, or the browser's for presigning, since the
 * host:port is part of a presigned URL's signature.
 */
export function createS3Client(config: S3StorageConfig, endpoint = config.endpoint): S3Client {
  return new S3Client({
    endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // `host/bucket/key` rather than `bucket.host/key`: self-hosted stores on an IP or a
    // single name have no wildcard DNS for virtual-hosted buckets.
    forcePathStyle: config.forcePathStyle,
    // The SDK's default (WHEN_SUPPORTED) adds a CRC32 checksum to every upload. Streamed
    // PutObjects then go out aws-chunked, which some stores refuse (411) or store with the
    // chunk framing inside; and presigned part URLs carry x-amz-checksum-* parameters that
    // the browser's plain PUT cannot match. Only send checksums an operation requires.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    // Likewise do not insist on response checksums that not every store sends back.
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

interface SdkError {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The S3 error code of an SDK failure (`NoSuchKey`, `NoSuchUpload`, ...), if any. */
export function s3ErrorCode(error: unknown): string | undefined {
  const e = error as SdkError | undefined;
  return e?.Code ?? e?.name;
}

export function s3Status(error: unknown): number | undefined {
  return (error as SdkError | undefined)?.$metadata?.httpStatusCode;
}

/**
 * Rewords the store's refusals as the same `AppError`s the local store throws, so callers
 * never branch on the backend. Anything else is returned as it was.
 */
export function toStorageError(error: unknown, at: { key?: string; uploadId?: string }): unknown {
  // Completing an aborted upload gets NoSuchKey from Ceph RGW: with an upload named, any
  // "not found" is about the upload.
  if (at.uploadId !== undefined && s3Status(error) === 404) {
    return storageErrors.uploadNotFound(at.uploadId);
  }
  switch (s3ErrorCode(error)) {
    case 'NoSuchKey':
    case 'NotFound':
      return storageErrors.notFound(at.key ?? '');
    case 'NoSuchUpload':
      return storageErrors.uploadNotFound(at.uploadId ?? '');
    case 'InvalidPart':
    case 'InvalidPartOrder':
      return storageErrors.invalidPart('A part was not received as named.');
    case 'EntityTooSmall':
      return storageErrors.partTooSmall('Every part but the last holds at least 5 MiB.');
    case 'InvalidRange':
      return storageErrors.rangeNotSatisfiable();
    default:
      return error;
  }
}
