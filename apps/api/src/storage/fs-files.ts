import { createHash, type Hash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';

/** True for "no such file or directory" (and "a path segment is a file"). */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Reads a JSON file, or undefined when it does not exist. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Writes through a temporary name and renames, so readers never see half a file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(value));
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Removes empty folders from `dir` up to (not including) `stop`: S3 has no folders to keep. */
export async function pruneEmptyDirs(dir: string, stop: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stop + path.sep)) {
    try {
      await fs.rmdir(current);
    } catch {
      return; // not empty (or already gone): its parents are not empty either
    }
    current = path.dirname(current);
  }
}

/**
 * Passes bytes through while counting and hashing them (MD5, as S3's ETag), and fails the
 * stream as soon as more than `limit` bytes arrive, before they reach the disk.
 */
export class ByteMeter extends Transform {
  size = 0;
  private readonly hash: Hash | undefined;

  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly tooLarge: () => Error = () => new Error('too large'),
    hashing = true,
  ) {
    super();
    this.hash = hashing ? createHash('md5') : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      done(this.tooLarge());
      return;
    }
    this.hash?.update(chunk);
    done(null, chunk);
  }

  /** The hex MD5 of everything that passed; call once, after the stream finished. */
  md5(): string {
    if (!this.hash) throw new Error('this meter was made without hashing');
    return this.hash.digest('hex');
  }
}

/** S3's ETag of an object assembled from parts: MD5 of the parts' binary MD5s, dash, count. */
export function multipartEtag(partMd5s: readonly string[]): string {
  const hash = createHash('md5');
  for (const md5 of partMd5s) hash.update(Buffer.from(md5, 'hex'));
  return `"${hash.digest('hex')}-${partMd5s.length}"`;
}

/** A secret generated on first use and kept, readable by the owner only, in `file`. */
export async function keptSecret(file: string): Promise<string> {
  const secret = randomBytes(48).toString('base64url');
  try {
    await fs.writeFile(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return (await fs.readFile(file, 'utf8')).trim(); // kept earlier, or another process won
  }
}
