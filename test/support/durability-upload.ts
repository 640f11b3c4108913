import type { DurabilityClient, Watch } from './durability-client';
import { sleep } from './durability-client';

export interface StartedUpload {
  id: string;
  partSize: number;
  partCount: number;
}

export interface StoredPart {
  partNumber: number;
  etag: string;
  size: number;
}

/** What one part PUT came to: the store's ETag, or no answer at all. */
export type PartOutcome = { etag: string } | { error: unknown };

/**
 * Uploads a file the way the browser's uploader does: the API starts the upload and signs
 * each part's URL; the part bytes go to that URL (the API itself for local disk, the
 * store for S3); after an interruption it asks the API which parts the store holds and
 * sends only the others; then it completes with the S3 XML part list.
 */
export class PartUploader {
  /** ETags of the parts this uploader sent whole (the store answered). */
  readonly sentWhole = new Map<number, string>();

  constructor(
    private readonly teacher: DurabilityClient,
    private readonly watch: Watch,
    readonly data: Buffer,
    readonly fileName: string,
  ) {}

  /** Starts (status 201) or resumes (200, the same upload) the lesson's upload. */
  async start(lessonId: string, status: 200 | 201): Promise<StartedUpload> {
    const { upload } = await this.teacher.expect<{ upload: StartedUpload }>(
      'POST',
      `/api/lessons/${lessonId}/upload`,
      status,
      { fileName: this.fileName, size: this.data.length, contentType: 'video/mp4' },
    );
    const created = await this.teacher.request('POST', `/api/uploads/${upload.id}/s3/create`);
    if (created.status !== 200 || !created.text.includes('<UploadId>'))
      throw new Error(`create: ${created.status} ${created.text.slice(0, 300)}`);
    return upload;
  }

  part(upload: StartedUpload, n: number): Buffer {
    return this.data.subarray(
      (n - 1) * upload.partSize,
      Math.min(n * upload.partSize, this.data.length),
    );
  }

  /**
   * PUTs part `n`. With `interrupt`, `interrupt.now()` is called while the part is in
   * flight: halfway through its bytes, which trickle out in small chunks (`trickle`, for a
   * part that goes through the API), or as soon as it is sent (a part that goes to an S3
   * store, which needs its length up front and does not go down with the API).
   */
  async put(
    upload: StartedUpload,
    n: number,
    interrupt?: { trickle: boolean; now: () => void },
  ): Promise<PartOutcome> {
    const { url } = await this.teacher.expect<{ url: string }>(
      'POST',
      `/api/uploads/${upload.id}/parts/${n}/sign`,
      200,
    );
    const bytes = new Uint8Array(this.part(upload, n));
    const init: RequestInit & { duplex?: 'half' } = { method: 'PUT', body: bytes };
    if (interrupt?.trickle) {
      let offset = 0;
      init.duplex = 'half';
      init.body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (offset >= bytes.length) return controller.close();
          if (offset >= bytes.length / 2) interrupt.now();
          await sleep(20);
          const chunk = bytes.slice(offset, offset + 256 * 1024);
          offset += chunk.length;
          controller.enqueue(chunk);
        },
      });
    }
    try {
      const sent = fetch(new URL(url, this.teacher.base), init);
      if (interrupt && !interrupt.trickle) interrupt.now();
      const res = await sent;
      const text = await res.text();
      if (res.status >= 500)
        this.watch.serverErrors.push(`PUT part ${n} -> ${res.status}: ${text.slice(0, 300)}`);
      if (!res.ok) return { error: new Error(`part ${n}: ${res.status} ${text.slice(0, 300)}`) };
      const etag = res.headers.get('etag') ?? '';
      this.sentWhole.set(n, etag);
      return { etag };
    } catch (error) {
      return { error };
    }
  }

  /** The parts the store holds, as the browser's uploader asks for them on resume. */
  async storedParts(upload: StartedUpload): Promise<StoredPart[]> {
    const answer = await this.teacher.request('GET', `/api/uploads/${upload.id}/s3/parts`);
    if (answer.status !== 200) throw new Error(`list parts: ${answer.status} ${answer.text}`);
    return [...answer.text.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, part = '']) => ({
      partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(part)?.[1]),
      etag: unescapeXml(/<ETag>([^<]*)<\/ETag>/.exec(part)?.[1] ?? ''),
      size: Number(/<Size>(\d+)<\/Size>/.exec(part)?.[1]),
    }));
  }

  async complete(
    upload: StartedUpload,
    parts: ReadonlyArray<{ partNumber: number; etag: string }>,
  ) {
    const items = [...parts]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${p.etag}</ETag></Part>`)
      .join('');
    const answer = await this.teacher.request('POST', `/api/uploads/${upload.id}/s3/complete`, {
      raw: `<CompleteMultipartUpload>${items}</CompleteMultipartUpload>`,
      type: 'application/xml',
    });
    if (answer.status !== 200) throw new Error(`complete: ${answer.status} ${answer.text}`);
  }
}

function unescapeXml(s: string): string {
  return s.replaceAll('&#34;', '"').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** The same ETag, whether or not a store put it in quotes. */
export const sameEtag = (a: string, b: string) => a.replaceAll('"', '') === b.replaceAll('"', '');
