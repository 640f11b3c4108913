/**
 * A Node client of the API for the durability suite: it signs in as the demo's people
 * (the session cookie, and the Origin a browser would send), follows the server from one
 * start to the next (each start listens on a new port) and keeps a watch on every answer:
 * a 5xx, or a connection that failed while the server was known to be up, is a finding.
 */

export const DEMO_PASSWORD = 'elevate-demo-2026';
export const DEMO_COACH = { email: 'coach@demo.elevate.test', password: DEMO_PASSWORD };
export const DEMO_TEACHER = { email: 'teacher@demo.elevate.test', password: DEMO_PASSWORD };

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

/** What went wrong while the server was up, shared by every client of one test. */
export class Watch {
  /** `METHOD path -> status: body` of every 5xx. */
  readonly serverErrors: string[] = [];
  /** Requests that failed to connect or were cut off while no kill had been sent. */
  readonly failedWhileUp: string[] = [];
  /** Set just before the server is killed; cleared once the next one listens. */
  killSent = false;
  requests = 0;
  /** Requests that ended without an answer after a kill (their outcome is unknown). */
  cutOff = 0;
}

export class DurabilityClient {
  private cookie = '';
  base = '';

  constructor(
    readonly name: string,
    private readonly watch: Watch,
  ) {}

  /**
   * Sends one request. Resolves with any answer (a 5xx is also noted in the watch);
   * rejects when no answer came (the server is gone), noting it when no kill was sent.
   */
  async request(
    method: string,
    path: string,
    body?: { json?: unknown; raw?: BodyInit; type?: string },
  ): Promise<Answer> {
    const origin = this.base;
    const headers: Record<string, string> = { origin };
    if (this.cookie) headers.cookie = this.cookie;
    if (body?.json !== undefined) headers['content-type'] = 'application/json';
    if (body?.type) headers['content-type'] = body.type;
    this.watch.requests++;
    let res: Response;
    let text: string;
    try {
      res = await fetch(new URL(path, origin), {
        method,
        headers,
        body: body?.json !== undefined ? JSON.stringify(body.json) : (body?.raw ?? null),
      });
      text = await res.text();
    } catch (error) {
      if (this.watch.killSent) this.watch.cutOff++;
      else
        this.watch.failedWhileUp.push(`${this.name}: ${method} ${path}: ${describeError(error)}`);
      throw error;
    }
    if (res.status >= 500)
      this.watch.serverErrors.push(`${method} ${path} -> ${res.status}: ${text.slice(0, 500)}`);
    return { status: res.status, text, headers: res.headers };
  }

  /** A request that must answer `status`; resolves with the parsed JSON body. */
  async expect<T>(method: string, path: string, status: number, json?: unknown): Promise<T> {
    const answer = await this.request(method, path, json === undefined ? undefined : { json });
    if (answer.status !== status) {
      throw new Error(
        `${this.name}: ${method} ${path}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 500)}`,
      );
    }
    return (answer.text ? JSON.parse(answer.text) : null) as T;
  }

  async signIn(person: { email: string; password: string }): Promise<this> {
    const answer = await this.request('POST', '/api/auth/sign-in/email', { json: person });
    if (answer.status !== 200)
      throw new Error(`sign-in of ${person.email}: ${answer.status} ${answer.text}`);
    this.cookie = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return this;
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
