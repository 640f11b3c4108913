// A browser tab's view of the API for every benchmark: a session cookie, the Origin a browser
// sends, and (for the load and player benchmarks) the real part-upload flow, optionally paced
// to a network's speed.
import fs from 'node:fs/promises';
import http from 'node:http';

/** A request that makes no progress for this long fails instead of hanging the run. */
const STALL_MS = 120_000;

export class Session {
  cookie = '';

  constructor(origin) {
    this.origin = origin;
  }

  async call(method, pathname, status, { json, body, headers = {} } = {}) {
    const res = await fetch(new URL(pathname, this.origin), {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: json !== undefined ? JSON.stringify(json) : body,
      signal: AbortSignal.timeout(STALL_MS),
    });
    const text = await res.text();
    if (res.status !== status) {
      throw new Error(
        `${method} ${pathname}: expected ${status}, got ${res.status} ${text.slice(0, 400)}`,
      );
    }
    return { res, text };
  }

  async json(method, pathname, status, json) {
    const { text } = await this.call(method, pathname, status, { json });
    return text ? JSON.parse(text) : null;
  }

  async signIn(email, password) {
    const { res } = await this.call('POST', '/api/auth/sign-in/email', 200, {
      json: { email, password },
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('elevate.session_token='));
    if (!cookie) throw new Error('sign-in set no elevate.session_token cookie');
    this.cookie = cookie.split(';')[0];
    this.email = email;
    return this;
  }

  /** The session token alone (for a browser context's cookie). */
  get token() {
    return decodeURIComponent(this.cookie.slice(this.cookie.indexOf('=') + 1));
  }

  createLesson(title, topic = 'Load benchmark') {
    return this.json('POST', '/api/lessons', 201, {
      title,
      taughtOn: new Date().toISOString().slice(0, 10),
      grade: 'Grade 7',
      topic,
      consent: true,
    });
  }
}

/** A readable body that sends `length` bytes of `data` (from `start`) at `bytesPerSecond`. */
async function* paced(data, start, length, bytesPerSecond) {
  const chunk = 64 * 1024;
  const began = performance.now();
  for (let sent = 0; sent < length; ) {
    const n = Math.min(chunk, length - sent);
    yield data.subarray(start + sent, start + sent + n);
    sent += n;
    if (bytesPerSecond > 0) {
      const due = began + (sent / bytesPerSecond) * 1000;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** PUTs one part to a (signed) URL with its Content-Length; resolves with the ETag. */
function putPart(url, origin, body, length, agent) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'PUT', agent, headers: { 'content-length': String(length), origin } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('error', reject);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(String(res.headers.etag ?? ''))
            : reject(new Error(`PUT part: ${res.statusCode} ${text.slice(0, 300)}`)),
        );
      },
    );
    req.on('error', reject);
    req.setTimeout(STALL_MS, () => req.destroy(new Error('PUT part: stalled')));
    (async () => {
      try {
        for await (const piece of body) {
          if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      } catch (error) {
        req.destroy(error);
      }
    })();
  });
}

/**
 * The browser uploader's flow for one lesson: start (the API picks the part size), create,
 * then per part sign and PUT to the signed URL (the API's own for local disk, the store's for
 * S3), then complete with S3's XML part list. `bytesPerSecond` paces the PUTs (0: as fast as
 * the loopback goes). `data` is the whole file in memory (one copy shared by all uploads).
 */
export async function uploadLesson(session, lessonId, data, { bytesPerSecond = 0, agent } = {}) {
  const started = performance.now();
  const { upload } = await session.json('POST', `/api/lessons/${lessonId}/upload`, 201, {
    fileName: 'lesson.mp4',
    size: data.length,
    contentType: 'video/mp4',
  });
  await session.call('POST', `/api/uploads/${upload.id}/s3/create`, 200);
  const parts = [];
  for (let n = 1; n <= upload.partCount; n++) {
    const { url } = await session.json('POST', `/api/uploads/${upload.id}/parts/${n}/sign`, 200);
    const target = new URL(url, session.origin);
    const start = (n - 1) * upload.partSize;
    const length = Math.min(upload.partSize, data.length - start);
    const etag = await putPart(
      target,
      session.origin,
      paced(data, start, length, bytesPerSecond),
      length,
      agent,
    );
    parts.push(`<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`);
  }
  await session.call('POST', `/api/uploads/${upload.id}/s3/complete`, 200, {
    body: `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`,
    headers: { 'content-type': 'application/xml' },
  });
  return { seconds: (performance.now() - started) / 1000, parts: upload.partCount };
}

/** Reads a file once for uploads. */
export const readWhole = (file) => fs.readFile(file);

/** Polls until the lesson is processed; throws if it fails or overstays. */
export async function waitReady(session, lessonId, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lesson = await session.json('GET', `/api/lessons/${lessonId}`, 200);
    if (lesson.state === 'ready') return lesson;
    if (lesson.state === 'failed' || lesson.state === 'rejected') {
      throw new Error(`lesson ${lessonId} ${lesson.state}: ${lesson.stateReason ?? ''}`);
    }
    if (Date.now() > deadline) throw new Error(`lesson ${lessonId} is still ${lesson.state}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
