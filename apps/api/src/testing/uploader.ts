import { createHash } from 'node:crypto';
import type { Agent } from './agent';

export interface StartedUpload {
  id: string;
  partSize: number;
  partCount: number;
  key: string;
}

/**
 * Drives an upload the way the browser's S3 uploader does: start (our API), create,
 * part PUTs to the signed URLs (the store itself, or the API for local disk), list,
 * complete with the S3 XML body.
 */
export class Uploader {
  readonly etags = new Map<number, string>();

  constructor(
    private agent: Agent,
    readonly data: Buffer,
  ) {}

  /** Continue with another client (a new API process, say) holding the same session. */
  useAgent(agent: Agent): this {
    this.agent = agent;
    return this;
  }

  async start(lessonId: string, fileName: string, status = 201): Promise<StartedUpload> {
    const { body } = await this.agent.call<{ upload: StartedUpload }>(
      'POST',
      `/api/lessons/${lessonId}/upload`,
      status,
      {
        json: { fileName, size: this.data.length, contentType: 'video/mp4' },
      },
    );
    const created = await this.agent.call<string>(
      'POST',
      `/api/uploads/${body.upload.id}/s3/create`,
      200,
    );
    if (!String(created.body).includes('<UploadId>'))
      throw new Error('no UploadId in the create answer');
    return body.upload;
  }

  part(upload: StartedUpload, n: number): Buffer {
    return this.data.subarray(
      (n - 1) * upload.partSize,
      Math.min(n * upload.partSize, this.data.length),
    );
  }

  async signedUrl(upload: StartedUpload, n: number): Promise<string> {
    const { body } = await this.agent.call<{ url: string }>(
      'POST',
      `/api/uploads/${upload.id}/parts/${n}/sign`,
      200,
    );
    return body.url;
  }

  /** PUTs one part; `body` lets a test send a stream that breaks off mid-part. */
  async put(
    upload: StartedUpload,
    n: number,
    body?: ReadableStream<Uint8Array>,
  ): Promise<Response> {
    const url = await this.signedUrl(upload, n);
    const init: RequestInit & { duplex?: 'half' } = {
      method: 'PUT',
      // Cast for the DOM lib's narrower BodyInit (see request.ts).
      body: (body ?? this.part(upload, n)) as RequestInit['body'],
      ...(body ? { duplex: 'half' } : {}),
    };
    const res = url.startsWith('/')
      ? await this.agent.app.request(url, init)
      : await fetch(url, init);
    if (res.ok) this.etags.set(n, res.headers.get('etag') ?? '');
    return res;
  }

  /** The parts the store holds, as the browser learns them on resume (ETags included). */
  async listParts(upload: StartedUpload): Promise<number[]> {
    const { body } = await this.agent.call<string>(
      'GET',
      `/api/uploads/${upload.id}/s3/parts`,
      200,
    );
    const parts = [
      ...String(body).matchAll(/<PartNumber>(\d+)<\/PartNumber><ETag>([^<]*)<\/ETag>/g),
    ];
    for (const [, n, etag] of parts)
      this.etags.set(Number(n), (etag ?? '').replaceAll('&#34;', '"'));
    return parts.map((m) => Number(m[1]));
  }

  completeXml(parts: Array<[number, string]> = [...this.etags.entries()]): string {
    const items = parts
      .sort((a, b) => a[0] - b[0])
      .map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`)
      .join('');
    return `<CompleteMultipartUpload>${items}</CompleteMultipartUpload>`;
  }

  complete(upload: StartedUpload, status = 200, xml = this.completeXml()) {
    return this.agent.call<string>('POST', `/api/uploads/${upload.id}/s3/complete`, status, {
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });
  }

  /** Sends every part not yet stored, then completes. */
  async finish(upload: StartedUpload): Promise<void> {
    const have = new Set(await this.listParts(upload));
    for (let n = 1; n <= upload.partCount; n++) {
      if (!have.has(n)) {
        const res = await this.put(upload, n);
        if (!res.ok) throw new Error(`part ${n}: ${res.status} ${await res.text()}`);
      }
    }
    await this.complete(upload);
  }
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A body stream that sends `bytes` of `data` and then fails, like a dropped connection. */
export function breakingStream(data: Buffer, bytes: number): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(data.subarray(0, bytes));
        return;
      }
      controller.error(new Error('connection reset'));
    },
  });
}
