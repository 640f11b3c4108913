import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Status, toStorageError } from './s3-client';
import type { PartRef, UploadedPart } from './storage';
import { storageErrors } from './storage-errors';
import { quoteEtag, sortParts } from './storage-input';

/**
 * The S3 multipart calls the API makes itself (create, list, complete, abort) and the one
 * it presigns for the browser (UploadPart). Keys arrive validated by `S3Storage`.
 */
export class S3Multipart {
  constructor(
    private readonly client: S3Client,
    private readonly presigner: S3Client,
    private readonly bucket: string,
  ) {}

  async create(key: string, contentType: string): Promise<string> {
    const command = new CreateMultipartUploadCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: contentType,
    });
    const { UploadId } = await this.client.send(command);
    if (!UploadId) throw new Error('the store returned no upload id');
    return UploadId;
  }

  /** A URL for `PUT` of one part, signed for the endpoint the browser reaches. */
  signPart(key: string, uploadId: string, partNumber: number, expiresIn: number) {
    const command = new UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
    });
    return getSignedUrl(this.presigner, command, { expiresIn });
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    do {
      const command = new ListPartsCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        PartNumberMarker: marker,
      });
      const page = await this.client.send(command).catch((error: unknown) => {
        throw toStorageError(error, { key, uploadId });
      });
      for (const part of page.Parts ?? []) {
        parts.push({
          partNumber: part.PartNumber ?? 0,
          size: part.Size ?? 0,
          etag: quoteEtag(part.ETag ?? ''),
        });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
    return parts;
  }

  async complete(key: string, uploadId: string, parts: readonly PartRef[]): Promise<void> {
    const Parts = sortParts(parts).map((part) => ({
      PartNumber: part.partNumber,
      ETag: part.etag,
    }));
    const command = new CompleteMultipartUploadCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts },
    });
    try {
      await this.client.send(command);
    } catch (error) {
      const refusal = toStorageError(error, { key, uploadId });
      if (refusal !== error) throw refusal;
      // Ceph RGW answers completing an aborted upload with 500 "This multipart completion
      // is already in progress" (or NoSuchKey): ask whether the upload still exists.
      if (!(await this.exists(key, uploadId))) throw storageErrors.uploadNotFound(uploadId);
      throw error;
    }
  }

  /** Aborts the upload; one the store does not know is already gone. */
  async abort(key: string, uploadId: string): Promise<void> {
    const command = new AbortMultipartUploadCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
    });
    try {
      await this.client.send(command);
    } catch (error) {
      if (s3Status(error) !== 404) throw error;
    }
  }

  private async exists(key: string, uploadId: string): Promise<boolean> {
    const command = new ListPartsCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      MaxParts: 1,
    });
    try {
      await this.client.send(command);
      return true;
    } catch (error) {
      if (s3Status(error) === 404) return false;
      throw error;
    }
  }
}
