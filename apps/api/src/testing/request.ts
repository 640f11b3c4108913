import { expect } from 'vitest';

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/**
 * A typed request helper that takes the expected status and fails with the body when
 * the status differs, so a broken test says why at once.
 */
export async function call<T = unknown>(
  app: Requester,
  method: string,
  path: string,
  expectedStatus: number,
  options: { json?: unknown; body?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<{ res: Response; body: T }> {
  const headers = new Headers(options.headers);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  }
  // The cast: test/ type-checks these helpers with the DOM lib, whose BodyInit takes no
  // Uint8Array over a possibly shared buffer; Node's fetch takes it.
  const res = await app.request(path, {
    method,
    headers,
    body: (body ?? null) as RequestInit['body'],
  });
  const text = await res.text();
  const parsed =
    text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  expect(res.status, `${method} ${path} -> ${text.slice(0, 500)}`).toBe(expectedStatus);
  return { res, body: parsed as T };
}

/** Asserts an error answer is application/problem+json with the given stable code. */
export function expectProblem(res: Response, body: unknown, code: string): void {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(body).toMatchObject({ code, status: res.status });
  expect(typeof (body as { title?: unknown }).title).toBe('string');
}
