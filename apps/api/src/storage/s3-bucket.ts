import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { s3ErrorCode, s3Status } from './s3-client';
import type { MultipartUpload } from './storage';

/**
 * Creates the bucket when missing and sets the CORS rules direct browser uploads need:
 * Uppy performs every S3 call (POST create/complete, PUT parts, GET list, DELETE abort),
 * with headers of its choosing, and reads each part's ETag, which a cross-origin response
 * hides unless exposed ("Missing ETag").
 */
export async function ensureBucket(
  client: S3Client,
  bucket: string,
  origins: readonly string[],
): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (s3Status(error) !== 404) throw error;
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (raced) {
      if (s3ErrorCode(raced) !== 'BucketAlreadyOwnedByYou') throw raced;
    }
  }
  if (origins.length === 0) return;
  const rule = {
    AllowedOrigins: [...origins],
    AllowedMethods: ['PUT', 'GET', 'HEAD', 'POST', 'DELETE'],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3600,
  };
  await client.send(
    new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [rule] } }),
  );
}

/** Unfinished uploads under `prefix` started before `olderThan`, across every page. */
export async function listUploads(
  client: S3Client,
  bucket: string,
  options: { prefix?: string; olderThan?: Date },
): Promise<MultipartUpload[]> {
  const uploads: MultipartUpload[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: bucket,
        Prefix: options.prefix,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
    );
    for (const upload of page.Uploads ?? []) {
      if (!upload.Key || !upload.UploadId) continue;
      const initiated = upload.Initiated ?? new Date(0);
      if (options.olderThan && initiated >= options.olderThan) continue;
      uploads.push({ key: upload.Key, uploadId: upload.UploadId, initiated });
    }
    if (!page.IsTruncated) return uploads;
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
  }
}

/** Deletes every object whose key starts with `prefix`, a thousand per request. */
export async function deleteUnder(client: S3Client, bucket: string, prefix: string) {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    const keys = (page.Contents ?? []).flatMap((item) => (item.Key ? [{ Key: item.Key }] : []));
    if (keys.length > 0) {
      const result = await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
      );
      const failed = result.Errors ?? [];
      if (failed.length > 0) {
        throw new Error(`could not delete ${failed.length} objects: ${failed[0]?.Code}`);
      }
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}
