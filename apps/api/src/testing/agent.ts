import { call } from './request';

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
type CallOptions = NonNullable<Parameters<typeof call>[4]>;

/** The origin app.request() uses; a browser on the same site sends it with every POST. */
export const TEST_ORIGIN = 'http://localhost';

/**
 * A signed-in (or anonymous) browser-like client: sends its session cookie and a
 * same-origin Origin header, like the web app does.
 */
export class Agent {
  constructor(
    readonly app: App,
    public cookie: string | null = null,
  ) {}

  call<T = unknown>(method: string, path: string, status: number, options: CallOptions = {}) {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    return call<T>(this.app, method, path, status, { ...options, headers });
  }

  /** Signs in with email and password; keeps the session cookie it is given. */
  async signIn(email: string, password: string): Promise<this> {
    const { res } = await this.call('POST', '/api/auth/sign-in/email', 200, {
      json: { email, password },
    });
    this.cookie = sessionCookieOf(res);
    return this;
  }
}

/** `name=value` of the session cookie a response sets. */
export function sessionCookieOf(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('elevate.session_token='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0] as string;
}
