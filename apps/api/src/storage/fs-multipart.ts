import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteMeter, isMissing, multipartEtag, readJson, writeJsonAtomic } from './fs-files';
import type { MultipartUpload, ObjectInfo, PartRef, UploadedPart } from './storage';
import { storageErrors } from './storage-errors';
import { assertPartNumber, sortParts } from './storage-input';

interface UploadMeta {
  key: string;
  contentType: string;
  partSize: number;
  initiated: string;
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Unfinished uploads on local disk, one folder each: `meta.json`, one `data` file that
 * every part is written into at offset `(partNumber - 1) * partSize` (so completing is a
 * rename, not a copy: joining part files cost ~7 s per GiB), and `parts/<n>.json` recording
 * each part that arrived whole. The guards against concurrent writes hold within one
 * process: run one API process per local store.
 */
export class FsMultipart {
  /** Part numbers being received, per upload. */
  private readonly receiving = new Map<string, Set<number>>();
  private readonly completing = new Set<string>();

  constructor(private readonly dir: string) {}

  async create(key: string, contentType: string, partSize: number): Promise<string> {
    const uploadId = randomUUID();
    await fs.mkdir(path.join(this.dir, uploadId, 'parts'), { recursive: true });
    await fs.writeFile(path.join(this.dir, uploadId, 'data'), '');
    const meta: UploadMeta = { key, contentType, partSize, initiated: new Date().toISOString() };
    await writeJsonAtomic(path.join(this.dir, uploadId, 'meta.json'), meta);
    return uploadId;
  }

  /** Streams one part to its offset; refuses more than `partSize` bytes. */
  async writePart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable,
    declaredLength?: number,
  ): Promise<UploadedPart> {
    assertPartNumber(partNumber);
    const upload = await this.read(key, uploadId);
    if (declaredLength !== undefined && declaredLength > upload.partSize) {
      throw storageErrors.partTooLarge(upload.partSize);
    }
    if (this.completing.has(uploadId)) {
      throw storageErrors.partInProgress('This upload is being completed.');
    }
    const inFlight = this.receiving.get(uploadId) ?? new Set<number>();
    if (inFlight.has(partNumber)) {
      throw storageErrors.partInProgress(`Part ${partNumber} is already being received.`);
    }
    inFlight.add(partNumber);
    this.receiving.set(uploadId, inFlight);
    try {
      const record = this.partFile(uploadId, partNumber);
      // Until the new bytes are all in, an older record of this part would vouch for a mix.
      await fs.rm(record, { force: true });
      // No MD5 of each part: it cost more CPU than the rest of the write (measured) and
      // checked nothing. The ETag is an opaque token, as S3 documents it; completion
      // still requires the browser to name exactly the parts stored.
      const meter = new ByteMeter(
        upload.partSize,
        () => storageErrors.partTooLarge(upload.partSize),
        false,
      );
      const start = (partNumber - 1) * upload.partSize;
      const file = createWriteStream(path.join(this.dir, uploadId, 'data'), { flags: 'r+', start });
      await pipeline(body, meter, file);
      const etag = `"${randomBytes(16).toString('hex')}"`;
      const part: UploadedPart = { partNumber, size: meter.size, etag };
      await writeJsonAtomic(record, part);
      return part;
    } catch (error) {
      if (isMissing(error)) throw storageErrors.uploadNotFound(uploadId); // aborted meanwhile
      throw error;
    } finally {
      inFlight.delete(partNumber);
      if (inFlight.size === 0) this.receiving.delete(uploadId);
    }
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    await this.read(key, uploadId);
    const names = await fs.readdir(path.join(this.dir, uploadId, 'parts')).catch(() => []);
    const parts = await Promise.all(
      names
        .filter((name) => /^\d+\.json$/.test(name))
        .map((name) => readJson<UploadedPart>(path.join(this.dir, uploadId, 'parts', name))),
    );
    return parts
      .filter((part): part is UploadedPart => part !== undefined)
      .sort((a, b) => a.partNumber - b.partNumber);
  }

  /**
   * Checks the parts (1..n without gaps, ETags as received, all but the last exactly
   * `partSize`), trims the data file to their length and hands it to `commit`.
   */
  async complete(
    key: string,
    uploadId: string,
    parts: readonly PartRef[],
    commit: (file: string, info: ObjectInfo) => Promise<void>,
  ): Promise<ObjectInfo> {
    const upload = await this.read(key, uploadId);
    const wanted = sortParts(parts);
    if (this.receiving.has(uploadId) || this.completing.has(uploadId)) {
      throw storageErrors.partInProgress('Wait for every part upload to finish.');
    }
    this.completing.add(uploadId);
    try {
      const received = new Map((await this.listParts(key, uploadId)).map((p) => [p.partNumber, p]));
      const chosen = wanted.map((want, index) => {
        const part = received.get(want.partNumber);
        if (want.partNumber !== index + 1) {
          throw storageErrors.invalidPart(
            `Parts run from 1 without gaps; ${index + 1} is missing.`,
          );
        }
        if (!part || part.etag !== want.etag) {
          throw storageErrors.invalidPart(`Part ${want.partNumber} was not received as named.`);
        }
        return part;
      });
      // Sizes only once every part is known to be there, as S3 reports it.
      const short = chosen.slice(0, -1).find((part) => part.size !== upload.partSize);
      if (short) {
        throw storageErrors.partTooSmall(
          `Part ${short.partNumber} is not ${upload.partSize} bytes.`,
        );
      }
      const last = chosen[chosen.length - 1] as UploadedPart;
      const size = (chosen.length - 1) * upload.partSize + last.size;
      const data = path.join(this.dir, uploadId, 'data');
      // Parts left out, or a larger earlier version of the last part, lie past the end.
      await fs.truncate(data, size);
      const etag = multipartEtag(chosen.map((part) => part.etag.replaceAll('"', '')));
      const info: ObjectInfo = { size, contentType: upload.contentType, etag };
      await commit(data, info);
      await fs.rm(path.join(this.dir, uploadId), { recursive: true, force: true });
      return info;
    } finally {
      this.completing.delete(uploadId);
    }
  }

  async abort(key: string, uploadId: string): Promise<void> {
    const meta = UPLOAD_ID.test(uploadId) ? await this.meta(uploadId) : undefined;
    if (meta?.key !== key) return;
    await fs.rm(path.join(this.dir, uploadId), { recursive: true, force: true });
  }

  async list(options: { prefix?: string; olderThan?: Date } = {}): Promise<MultipartUpload[]> {
    const ids = (await fs.readdir(this.dir)).filter((name) => UPLOAD_ID.test(name));
    const uploads: MultipartUpload[] = [];
    for (const uploadId of ids) {
      const meta = await this.meta(uploadId);
      if (!meta || (options.prefix && !meta.key.startsWith(options.prefix))) continue;
      const initiated = new Date(meta.initiated);
      if (options.olderThan && initiated >= options.olderThan) continue;
      uploads.push({ key: meta.key, uploadId, initiated });
    }
    return uploads;
  }

  private async read(key: string, uploadId: string): Promise<UploadMeta> {
    const meta = UPLOAD_ID.test(uploadId) ? await this.meta(uploadId) : undefined;
    // Another key's upload is reported as missing: its existence is none of the caller's business.
    if (!meta || meta.key !== key) throw storageErrors.uploadNotFound(uploadId);
    return meta;
  }

  private meta(uploadId: string): Promise<UploadMeta | undefined> {
    return readJson<UploadMeta>(path.join(this.dir, uploadId, 'meta.json'));
  }

  private partFile(uploadId: string, partNumber: number): string {
    return path.join(this.dir, uploadId, 'parts', `${partNumber}.json`);
  }
}
