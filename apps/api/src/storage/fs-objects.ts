import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolveRange } from './byte-range';
import { ByteMeter, isMissing, pruneEmptyDirs, readJson, writeJsonAtomic } from './fs-files';
import type { ByteRange, ObjectInfo } from './storage';
import { storageErrors } from './storage-errors';
import { assertKey } from './storage-input';

type ObjectMeta = Omit<ObjectInfo, 'size'>;

/**
 * Finished objects on local disk: the bytes at `objects/<key>`, their type and ETag at
 * `.meta/<key>.json`. Files are written elsewhere (`.tmp/`, or an upload's folder) and
 * renamed into place, so a reader never sees half an object.
 */
export class FsObjects {
  private readonly objects: string;
  private readonly metas: string;
  private readonly tmp: string;

  constructor(root: string) {
    this.objects = path.join(root, 'objects');
    this.metas = path.join(root, '.meta');
    this.tmp = path.join(root, '.tmp');
  }

  async init(): Promise<void> {
    for (const dir of [this.objects, this.metas, this.tmp])
      await fs.mkdir(dir, { recursive: true });
  }

  /** Streams the body to a temporary file (hashing it on the way) and commits it. */
  async put(key: string, body: Readable | Buffer, contentType: string): Promise<ObjectInfo> {
    const temporary = path.join(this.tmp, randomUUID());
    const meter = new ByteMeter();
    try {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, meter, createWriteStream(temporary));
      const info: ObjectInfo = { size: meter.size, contentType, etag: `"${meter.md5()}"` };
      await this.commit(key, temporary, info);
      return info;
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  /** Moves a finished file into place; metadata first, so the object never lacks its type. */
  async commit(key: string, file: string, info: ObjectInfo): Promise<void> {
    const target = this.objectPath(key);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.mkdir(path.dirname(this.metaPath(key)), { recursive: true });
      const meta: ObjectMeta = { contentType: info.contentType, etag: info.etag };
      await writeJsonAtomic(this.metaPath(key), meta);
      await fs.rename(file, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // On disk `a/b` cannot be a file and a folder at once, as S3 keys can.
      if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
        throw storageErrors.keyConflict(key);
      }
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const stat = await fs.stat(this.objectPath(key));
      if (!stat.isFile()) return undefined;
      const meta = await readJson<ObjectMeta>(this.metaPath(key));
      return {
        size: stat.size,
        contentType: meta?.contentType ?? 'application/octet-stream',
        etag: meta?.etag ?? `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`,
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async stream(key: string, range?: ByteRange): Promise<Readable> {
    const info = await this.head(key);
    if (!info) throw storageErrors.notFound(key);
    const { start, end } = range ? resolveRange(range, info.size) : { start: 0, end: undefined };
    return createReadStream(this.objectPath(key), { start, end });
  }

  async delete(key: string): Promise<void> {
    const file = this.objectPath(key);
    await fs.rm(file, { force: true });
    await fs.rm(this.metaPath(key), { force: true });
    await pruneEmptyDirs(path.dirname(file), this.objects);
    await pruneEmptyDirs(path.dirname(this.metaPath(key)), this.metas);
  }

  /** Removes the folder a prefix (`a/b/`) names, with every object under it. */
  async deleteUnder(prefix: string): Promise<void> {
    const segments = assertKey(prefix.slice(0, -1)).split('/');
    await fs.rm(path.join(this.objects, ...segments), { recursive: true, force: true });
    await fs.rm(path.join(this.metas, ...segments), { recursive: true, force: true });
  }

  private objectPath(key: string): string {
    return path.join(this.objects, ...assertKey(key).split('/'));
  }

  private metaPath(key: string): string {
    return `${path.join(this.metas, ...assertKey(key).split('/'))}.json`;
  }
}
