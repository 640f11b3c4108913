// The benchmark's input file and what its parts should hash to.
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export const MiB = 1024 * 1024;
/** Throughput and memory are reported in MB = 10^6 bytes. */
export const MB = 1e6;

/**
 * `sizeBytes` of random bytes in `dir` (random so that no layer can compress or dedupe
 * them), made once and reused by later runs. Written under a temporary name and renamed.
 */
export async function ensureInputFile(dir, sizeBytes) {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `input-${sizeBytes}.bin`);
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat?.size === sizeBytes) return { file, made: false };
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temporary, 'w');
  try {
    const chunk = Buffer.allocUnsafe(16 * MiB);
    for (let written = 0; written < sizeBytes; ) {
      const length = Math.min(chunk.length, sizeBytes - written);
      randomFillSync(chunk, 0, length);
      let done = 0;
      while (done < length) {
        const { bytesWritten } = await handle.write(chunk, done, length - done);
        done += bytesWritten;
      }
      written += length;
    }
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
  return { file, made: true };
}

/** The parts of a `size`-byte file cut at `partSize`, in upload order (1-based numbers). */
export function partsOf(size, partSize) {
  const parts = [];
  for (let start = 0, n = 1; start < size; start += partSize, n++) {
    parts.push({ n, start, length: Math.min(partSize, size - start) });
  }
  return parts;
}

/** A read stream of one part, straight from disk: nothing holds a whole part in memory. */
export function partStream(file, part) {
  return createReadStream(file, { start: part.start, end: part.start + part.length - 1 });
}

/** Hex MD5 of every part (what S3 and our local store answer as the part's ETag). */
export async function partMd5s(file, size, partSize) {
  const sums = [];
  for (const part of partsOf(size, partSize)) {
    const hash = createHash('md5');
    await pipeline(partStream(file, part), async (chunks) => {
      for await (const chunk of chunks) hash.update(chunk);
    });
    sums.push(hash.digest('hex'));
  }
  return sums;
}

/** S3's ETag for an object completed from these parts: MD5 of the binary MD5s, dash, count. */
export function multipartEtag(md5s) {
  const hash = createHash('md5');
  for (const md5 of md5s) hash.update(Buffer.from(md5, 'hex'));
  return `"${hash.digest('hex')}-${md5s.length}"`;
}

/** Throws unless the ETags a store answered are the parts' MD5s, in order. */
export function checkEtags(label, etags, md5s) {
  const got = etags.map((etag) => String(etag).replaceAll('"', ''));
  const wrong = got.findIndex((etag, i) => etag !== md5s[i]);
  if (got.length !== md5s.length || wrong !== -1) {
    throw new Error(
      `${label}: part ETags do not match the file (part ${wrong + 1}: ${got[wrong]} != ${md5s[wrong]})`,
    );
  }
}

/** Single-core MD5 speed on this machine, in MB/s: what hashing every part costs the store. */
export function md5Speed() {
  const data = Buffer.alloc(64 * MiB, 7);
  const started = performance.now();
  const rounds = 4;
  for (let i = 0; i < rounds; i++) createHash('md5').update(data).digest();
  return (rounds * data.length) / MB / ((performance.now() - started) / 1000);
}

/** The sha256 of a whole file, streamed (to check what a store kept is byte-identical). */
export async function fileSha256(file) {
  const { createHash } = await import('node:crypto');
  const { createReadStream } = await import('node:fs');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 8 * MiB })) hash.update(chunk);
  return hash.digest('hex');
}
