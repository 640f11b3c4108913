import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { expect } from 'vitest';
import { AppError } from '../errors';

export const MiB = 1024 * 1024;

/** Incompressible bytes, so no layer can shortcut them. */
export function randomData(size: number): Buffer {
  return randomBytes(size);
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The quoted hex MD5 S3 answers a part PUT (or a single-request PUT) with. */
export function md5Etag(data: Uint8Array): string {
  return `"${createHash('md5').update(data).digest('hex')}"`;
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** PUTs bytes to a signed URL as a browser would, expecting `status`; returns the ETag. */
export async function putToUrl(
  request: { url: string; headers: Readonly<Record<string, string>> },
  body: Uint8Array,
  status = 200,
): Promise<string> {
  const response = await fetch(request.url, {
    method: 'PUT',
    body,
    headers: { ...request.headers },
  });
  const text = await response.text();
  expect(response.status, `PUT ${request.url} -> ${text.slice(0, 300)}`).toBe(status);
  return response.headers.get('etag') ?? '';
}

/** GETs a URL, expecting `status`; returns the response with its body read. */
export async function getUrl(url: string, status: number, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  expect(response.status, `GET ${url} -> ${body.toString('utf8', 0, 300)}`).toBe(status);
  return { headers: response.headers, body };
}

/** Expects the promise to reject with a storage `AppError` of this code. */
export async function expectStorageError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `expected an AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** Spoils the signature of a signed URL (S3's `X-Amz-Signature` or our `signature`). */
export function tamperSignature(url: string): string {
  const parsed = new URL(url);
  for (const [name, value] of parsed.searchParams) {
    if (/signature/i.test(name)) {
      const last = value.at(-1) === '0' ? '1' : '0';
      parsed.searchParams.set(name, `${value.slice(0, -1)}${last}`);
    }
  }
  return parsed.toString();
}

/** Points a signed URL at another key of the same folder: the signature must not carry over. */
export function swapKey(url: string, from: string, to: string): string {
  const parsed = new URL(url);
  parsed.pathname = parsed.pathname.replace(from, to);
  return parsed.toString();
}
