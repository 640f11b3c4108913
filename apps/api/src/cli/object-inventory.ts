import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { FsObjects } from '../storage/fs-objects';
import { createS3Client } from '../storage/s3-client';
import type { StorageConfig } from '../storage/storage';

/** One object of the store, as the backup's `objects.jsonl` lists it. */
export interface ObjectEntry {
  readonly key: string;
  readonly size: number;
  /** Quoted, as the store reports it (`"<md5>"`, or `"<md5>-<parts>"` for multipart). */
  readonly etag: string;
}

/** The health check's write probes: transient, and no key Elevate stores starts so. */
const PROBE_PREFIX = '.probe/';

/** Every object the configured store holds, read page by page (S3) or folder by folder. */
export async function* listObjects(storage: StorageConfig): AsyncGenerator<ObjectEntry> {
  if (storage.driver === 's3') {
    const client = createS3Client(storage);
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: storage.bucket, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (!item.Key || item.Key.startsWith(PROBE_PREFIX)) continue;
        yield { key: item.Key, size: item.Size ?? 0, etag: item.ETag ?? '' };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return;
  }
  const objects = new FsObjects(storage.root);
  for (const key of await localKeys(storage.root)) {
    const info = await objects.head(key);
    if (info) yield { key, size: info.size, etag: info.etag }; // else deleted meanwhile
  }
}

/** The keys of the local-disk store: the files under `objects/`, sorted. */
export async function localKeys(root: string): Promise<string[]> {
  const base = path.join(root, 'objects');
  const entries = await fs.readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
}

/** Reads `objects.jsonl` back. */
export async function readInventory(file: string): Promise<ObjectEntry[]> {
  const entries: ObjectEntry[] = [];
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line.trim()) entries.push(JSON.parse(line) as ObjectEntry);
  }
  return entries;
}

export interface InventoryDifferences {
  /** Objects the backup lists and the store does not hold. */
  readonly missing: string[];
  /** Objects the store holds with another size than the backup lists. */
  readonly sizeDiffers: string[];
  /**
   * Same key and size, another ETag: expected when a copy tool re-uploaded the object in
   * parts of another size (the ETag of a multipart object depends on its parts).
   */
  readonly etagDiffers: string[];
  /** Objects the store holds that the backup does not list (newer uploads, say). */
  readonly extra: number;
}

/** Compares what the store holds with what a backup listed. */
export async function compareInventory(
  expected: readonly ObjectEntry[],
  actual: AsyncIterable<ObjectEntry>,
): Promise<InventoryDifferences> {
  const wanted = new Map(expected.map((entry) => [entry.key, entry]));
  const sizeDiffers: string[] = [];
  const etagDiffers: string[] = [];
  let extra = 0;
  for await (const found of actual) {
    const entry = wanted.get(found.key);
    if (!entry) {
      extra += 1;
      continue;
    }
    wanted.delete(found.key);
    if (entry.size !== found.size) sizeDiffers.push(found.key);
    else if (entry.etag !== found.etag) etagDiffers.push(found.key);
  }
  return { missing: [...wanted.keys()], sizeDiffers, etagDiffers, extra };
}
