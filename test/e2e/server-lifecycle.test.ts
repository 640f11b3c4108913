import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Signs in as the demo admin and returns the session cookie (`name=value`). */
async function demoSessionCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'admin@demo.elevate.test', password: 'elevate-demo-2026' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('elevate.session_token='));
  if (!cookie) throw new Error('signing in set no session cookie');
  return cookie.split(';')[0] as string;
}

/**
 * Sends a request in two halves so it is still in flight when we signal the server. It
 * carries a session and a same-origin Origin, as the web app's requests do.
 */
function halfSentRequest(url: string, body: string, cookie: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let response = '';
  socket.on('data', (chunk) => {
    response += String(chunk);
  });
  const done = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
  const head =
    'POST /api/rubrics/validate HTTP/1.1\r\n' +
    `Host: ${hostname}:${port}\r\n` +
    `Origin: ${new URL(url).origin}\r\n` +
    `Cookie: ${cookie}\r\n` +
    'Content-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n';
  const cut = Math.floor(body.length / 2);
  const connected = new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  return {
    async sendFirstHalf() {
      await connected;
      socket.write(head + body.slice(0, cut));
    },
    sendRest() {
      socket.write(body.slice(cut));
    },
    done,
  };
}

describe('the server process', () => {
  it('on SIGTERM refuses new connections, finishes the request in flight, then exits 0', async () => {
    server = await startServer({ DEMO: 'on' });
    const cookie = await demoSessionCookie(server.url);
    const rubric = await (
      await fetch(`${server.url}/api/rubrics/mqi-4pt`, { headers: { cookie } })
    ).json();
    const request = halfSentRequest(server.url, JSON.stringify(rubric), cookie);
    await request.sendFirstHalf();
    await new Promise((r) => setTimeout(r, 200));

    server.process.kill('SIGTERM');
    await expect
      .poll(() => server?.logs.some((l) => /shutting down/.test(String(l.msg))))
      .toBe(true);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    request.sendRest();
    const response = await request.done;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"valid":true');
    expect(await server.stop()).toBe(0);
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });

  it('writes one JSON log line per request, carrying the request id it answered with', async () => {
    server = await startServer();
    const res = await fetch(`${server.url}/api/health`);
    const id = res.headers.get('x-request-id');
    await expect
      .poll(() => server?.logs.find((l) => l.requestId === id && l.path === '/api/health'))
      .toMatchObject({ method: 'GET', status: 200 });
  });

  it('serves the built web app brotli-compressed to browsers that accept it', async () => {
    server = await startServer();
    const html = await (await fetch(server.url)).text();
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const plain = Buffer.from(await (await fetch(`${server.url}${script}`)).arrayBuffer());
      // Raw bytes off the wire (fetch would decode them).
      const wire = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        http
          .get(`${server?.url}${script}`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
            );
          })
          .on('error', reject);
      });
      expect(wire.encoding).toBe('br');
      expect(wire.body.length).toBeLessThan(plain.length / 2);
      expect(zlib.brotliDecompressSync(wire.body).equals(plain)).toBe(true);
    }
  });

  it('refuses to start on a bad setting and says which', async () => {
    await expect(startServer({ PORT: 'not-a-port' })).rejects.toThrow(/PORT/);
  });
});
