import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { toAppError } from '../errors';
import { rangeFromHeader } from './byte-range';
import type { FsStorage } from './fs-storage';
import { storageErrors } from './storage-errors';
import { contentDisposition } from './storage-input';
import { SIGNED_QUERY } from './url-signer';

/**
 * The local-disk store's stand-in for S3's presigned URLs, serving what `FsStorage` signs:
 *
 * - `PUT /objects/{key}?uploadId&partNumber&expires&signature`: one part of an upload,
 *   streamed to its offset on disk; answers 200 with the part's `ETag`.
 * - `GET /objects/{key}?expires&signature[&type&filename&disposition]` (and HEAD): the
 *   object; 206 for a `Range`, 416 (with `Content-Range` giving the size) past its end.
 *
 * Mount it at the `mountPath` the store was given (`LOCAL_STORAGE_MOUNT_PATH` by default),
 * ahead of any body-size limit: parts are many MiB. The signature is the authorization;
 * no session is needed, as with S3. Errors are thrown as `AppError` for the app's onError.
 */
function webBody(raw: NodeReadableStream<Uint8Array> | null): Readable {
  return raw ? Readable.fromWeb(raw) : Readable.from([]);
}

export function localStorageRoutes(storage: FsStorage) {
  return new Hono()
    .put('/objects/:key{.+}', async (c) => {
      const key = c.req.param('key');
      const uploadId = c.req.query(SIGNED_QUERY.uploadId) ?? '';
      const partNumber = Number(c.req.query(SIGNED_QUERY.partNumber));
      const expires = Number(c.req.query(SIGNED_QUERY.expires));
      try {
        storage.verify(
          { method: 'PUT', key, uploadId, partNumber, expires },
          c.req.query(SIGNED_QUERY.signature),
        );
        // On Node, read the socket itself: wrapping it in a web stream and back cost a
        // third of the API's CPU per part (measured). app.request() in tests has no socket.
        const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
        const body = incoming ?? webBody(c.req.raw.body as NodeReadableStream<Uint8Array> | null);
        const length = c.req.header('content-length');
        const part = await storage.receivePart(key, uploadId, partNumber, body, length);
        return c.body(null, 200, { ETag: part.etag });
      } catch (error) {
        // The body may be unread: a client that reused this connection would send its next
        // request into the rest of it (or find the socket gone), so end the connection.
        const refusal = toAppError(error);
        refusal.headers.Connection = 'close';
        throw refusal;
      }
    })
    .get('/objects/:key{.+}', async (c) => {
      const key = c.req.param('key');
      const query = (name: string) => c.req.query(name) || undefined;
      const grant = {
        method: 'GET',
        key,
        expires: Number(c.req.query(SIGNED_QUERY.expires)),
        contentType: query(SIGNED_QUERY.contentType),
        filename: query(SIGNED_QUERY.filename),
        disposition: query(SIGNED_QUERY.disposition),
      } as const;
      storage.verify(grant, c.req.query(SIGNED_QUERY.signature));
      const info = await storage.head(key);
      if (!info) throw storageErrors.notFound(key);
      const range = rangeFromHeader(c.req.header('range'), info.size);
      const headers: Record<string, string> = {
        'Content-Type': grant.contentType ?? info.contentType,
        'Accept-Ranges': 'bytes',
        ETag: info.etag,
        // The URL is the permission: a shared cache must not keep what it unlocked, and the
        // browser may reuse it only while the URL itself would still work.
        'Cache-Control': `private, max-age=${Math.max(0, grant.expires - Math.floor(Date.now() / 1000))}`,
        'X-Content-Type-Options': 'nosniff',
      };
      if (grant.filename) {
        const disposition = grant.disposition === 'inline' ? 'inline' : 'attachment';
        headers['Content-Disposition'] = contentDisposition(grant.filename, disposition);
      }
      const { start, end } = range ?? { start: 0, end: info.size - 1 };
      headers['Content-Length'] = `${end - start + 1}`;
      if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
      const status = range ? 206 : 200;
      // Hono answers HEAD with this handler and drops the body unread: open no file for it.
      if (c.req.method === 'HEAD' || info.size === 0) return c.body(null, status, headers);
      const stream = await storage.getStream(key, range);
      const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
      return new Response(body, { status, headers });
    });
}
