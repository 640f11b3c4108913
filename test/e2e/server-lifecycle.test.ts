import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Sends a request in two halves so it is still in flight when we signal the server. */
function halfSentRequest(url: string, body: string) {
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
    server = await startServer();
    const rubric = await (await fetch(`${server.url}/api/rubrics/mqi-4pt`)).json();
    const request = halfSentRequest(server.url, JSON.stringify(rubric));
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

  it('refuses to start on a bad setting and says which', async () => {
    await expect(startServer({ PORT: 'not-a-port' })).rejects.toThrow(/PORT/);
  });
});
