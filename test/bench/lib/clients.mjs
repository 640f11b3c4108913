// The uploads being timed: our full flow as the browser drives it, and the baselines.
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { partStream, partsOf } from './files.mjs';

/** A request with no progress for this long fails the run rather than hanging it. */
export const STALL_MS = 60_000;

/**
 * PUTs one part, streamed from disk with its Content-Length (as a browser sends a Blob
 * slice), on a keep-alive agent; resolves with the answer's ETag. With `origin` (the app's)
 * it sends `Origin` as the browser does on a PUT; when the URL is on another origin, it
 * fails as the browser would ("Missing ETag") unless the answer lets the app read the ETag.
 */
export async function putPart(url, file, part, agent, { origin } = {}) {
  const cors = origin !== undefined && new URL(url).origin !== origin;
  let settle;
  const answered = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const req = http.request(
    url,
    {
      method: 'PUT',
      agent,
      headers: { 'content-length': String(part.length), ...(origin ? { origin } : {}) },
    },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('error', settle.reject);
      res.on('end', () => {
        if (res.statusCode !== 200) {
          settle.reject(new Error(`PUT part ${part.n}: ${res.statusCode} ${text.slice(0, 300)}`));
        } else if (cors && !corsExposesEtag(res.headers, origin)) {
          settle.reject(new Error(`PUT part ${part.n}: the ETag is not exposed to ${origin}`));
        } else {
          settle.resolve(String(res.headers.etag ?? ''));
        }
      });
    },
  );
  req.on('error', settle.reject);
  req.setTimeout(STALL_MS, () =>
    req.destroy(new Error(`PUT part ${part.n}: no progress for ${STALL_MS} ms`)),
  );
  await Promise.all([pipeline(partStream(file, part), req), answered]);
  return answered;
}

/** Whether a cross-origin answer lets `origin` read its ETag header. */
function corsExposesEtag(headers, origin) {
  const allowed = headers['access-control-allow-origin'];
  const exposed = String(headers['access-control-expose-headers'] ?? '')
    .toLowerCase()
    .split(/\s*,\s*/);
  return (allowed === origin || allowed === '*') && exposed.includes('etag');
}

/**
 * The CORS preflight a browser sends before a cross-origin PUT: Chromium caches preflights
 * per URL, and every part's presigned URL is a new one, so each part PUT to the store gets
 * its own `OPTIONS` first (seen on the wire from Chromium with Uppy's XHR part PUT; with
 * no request headers beyond the safelisted ones, it asks for none).
 */
export async function preflight(url, origin, agent) {
  const res = await new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'OPTIONS',
      agent,
      headers: { origin, 'access-control-request-method': 'PUT' },
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.setTimeout(STALL_MS, () =>
      req.destroy(new Error(`preflight: no answer in ${STALL_MS} ms`)),
    );
    req.end();
  });
  res.resume();
  await new Promise((resolve, reject) => res.on('end', resolve).on('error', reject));
  const allowed = res.headers['access-control-allow-origin'];
  const methods = String(res.headers['access-control-allow-methods'] ?? '');
  if (
    res.statusCode !== 200 ||
    (allowed !== origin && allowed !== '*') ||
    !/\bPUT\b/.test(methods)
  ) {
    throw new Error(`preflight: ${res.statusCode}, allow-origin ${allowed}, methods ${methods}`);
  }
}

/**
 * Our full flow, exactly as the browser's uploader runs it: start the upload (the API
 * picks the part size), create, then for each part in order sign it and PUT it to the
 * signed URL (the store's own for S3, the API's `/api/storage/local/...` for local disk),
 * then complete with S3's XML part list. A part URL on another origin than the app's (the
 * store's) is preflighted and sent with `Origin`, as the browser must. Timed from the
 * start call to the completion's answer; the lesson is created before the clock starts.
 *
 * `signBatch` > 1 tries a flow the browser does not have yet: URLs for up to that many
 * parts from one `POST /api/uploads/:id/parts/sign` (an API build that offers it must be
 * passed with --server), each used while it has a minute left, else signed again.
 */
export async function uploadThroughApi(client, { file, size, lessonId, agent, signBatch = 1 }) {
  const started = performance.now();
  /** Milliseconds spent waiting for each control call kind and for the part PUTs. */
  const spent = { start: 0, create: 0, sign: 0, complete: 0, preflight: 0, puts: 0 };
  const timed = async (kind, promise) => {
    const at = performance.now();
    try {
      return await promise;
    } finally {
      spent[kind] += performance.now() - at;
    }
  };
  const { upload } = await timed(
    'start',
    client.json('POST', `/api/lessons/${lessonId}/upload`, 201, {
      fileName: 'bench-lesson.mp4',
      size,
      contentType: 'video/mp4',
    }),
  );
  const created = await timed(
    'create',
    client.call('POST', `/api/uploads/${upload.id}/s3/create`, 200),
  );
  if (!created.text.includes('<UploadId>')) throw new Error('no UploadId in the create answer');
  const parts = partsOf(size, upload.partSize);
  if (parts.length !== upload.partCount) {
    throw new Error(`the API counts ${upload.partCount} parts, the file has ${parts.length}`);
  }
  const etags = [];
  /** Batch-signed part URLs by part number, with when they expire (ms). */
  const signed = new Map();
  const signPart = async (n) => {
    if (signBatch <= 1) {
      return client.json('POST', `/api/uploads/${upload.id}/parts/${n}/sign`, 200);
    }
    if (!(signed.get(n)?.expires - Date.now() > 60_000)) {
      const asked = Date.now();
      const batch = await client.json('POST', `/api/uploads/${upload.id}/parts/sign`, 200, {
        first: n,
        count: signBatch,
      });
      const expires = asked + batch.expiresInSeconds * 1000;
      for (const p of batch.parts) signed.set(p.partNumber, { url: p.url, expires });
    }
    return signed.get(n);
  };
  for (const part of parts) {
    const { url } = await timed('sign', signPart(part.n));
    const target = url.startsWith('/') ? new URL(url, client.origin) : new URL(url);
    if (target.origin !== client.origin) {
      await timed('preflight', preflight(target, client.origin, agent));
    }
    etags.push(await timed('puts', putPart(target, file, part, agent, { origin: client.origin })));
  }
  const items = etags
    .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
    .join('');
  await timed(
    'complete',
    client.call('POST', `/api/uploads/${upload.id}/s3/complete`, 200, {
      body: `<CompleteMultipartUpload>${items}</CompleteMultipartUpload>`,
      headers: { 'content-type': 'application/xml' },
    }),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    apiSeconds: (spent.start + spent.create + spent.sign + spent.complete) / 1000,
    /** The part PUTs with their preflights (on the store: the browser's part time). */
    putSeconds: (spent.preflight + spent.puts) / 1000,
    preflightSeconds: spent.preflight / 1000,
    /** Seconds waiting for each kind of control call (`sign`: all parts' together). */
    controlSeconds: {
      start: spent.start / 1000,
      create: spent.create / 1000,
      sign: spent.sign / 1000,
      complete: spent.complete / 1000,
    },
    upload,
    etags,
  };
}

/**
 * S3 baseline: the SDK's own multipart upload of the same file to the same bucket, same
 * part size, parts one after another, each a file stream with its ContentLength.
 */
export async function uploadWithSdk(sdk, s3, { bucket, key, file, size, partSize }) {
  const started = performance.now();
  const { UploadId } = await s3.send(
    new sdk.CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: 'video/mp4' }),
  );
  const created = performance.now();
  try {
    const parts = [];
    for (const part of partsOf(size, partSize)) {
      const { ETag } = await s3.send(
        new sdk.UploadPartCommand({
          Bucket: bucket,
          Key: key,
          UploadId,
          PartNumber: part.n,
          Body: partStream(file, part),
          ContentLength: part.length,
        }),
      );
      parts.push({ PartNumber: part.n, ETag });
    }
    const sent = performance.now();
    await s3.send(
      new sdk.CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const ended = performance.now();
    return {
      seconds: (ended - started) / 1000,
      apiSeconds: (created - started + ended - sent) / 1000,
      putSeconds: (sent - created) / 1000,
      controlSeconds: { create: (created - started) / 1000, complete: (ended - sent) / 1000 },
      etags: parts.map((p) => p.ETag),
    };
  } catch (error) {
    await s3
      .send(new sdk.AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId }))
      .catch(() => {});
    throw error;
  }
}

/**
 * Local-disk baseline over HTTP: the same parts PUT in order, same client code, to
 * plain-put-server.mjs (node:http writing each body at its offset in one file).
 */
export async function uploadPlainHttp(origin, { name, file, size, partSize, agent }) {
  const started = performance.now();
  for (const part of partsOf(size, partSize)) {
    await putPart(new URL(`/${name}?offset=${part.start}`, origin), file, part, agent);
  }
  return { seconds: (performance.now() - started) / 1000 };
}

/**
 * Local-disk reference with no HTTP at all: the same parts streamed from the file into
 * one file at their offsets, in order, in this process. The floor any local store has.
 */
export async function writePartsToDisk({ target, file, size, partSize }) {
  const started = performance.now();
  await fs.writeFile(target, '');
  for (const part of partsOf(size, partSize)) {
    await pipeline(
      partStream(file, part),
      createWriteStream(target, { flags: 'r+', start: part.start }),
    );
  }
  return { seconds: (performance.now() - started) / 1000 };
}
