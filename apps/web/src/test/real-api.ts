import { createTestApi, type TestApi } from '@elevate/api/testing';

/** The origin the in-process API answers as; a browser on the same site sends it. */
export const TEST_ORIGIN = 'http://localhost';
export const TEST_PASSWORD = 'correct horse battery';

/**
 * The cookies a browser would keep for the test origin: set by `Set-Cookie`, removed by an
 * expired one (as sign-out sends).
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const isExpired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.split('=').map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(val) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(val) <= Date.now();
        return false;
      });
      if (isExpired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/**
 * A `fetch` that calls the API app in-process the way a browser on the same origin would:
 * it sends the jar's cookies and an Origin header (the API's CSRF guard wants one on
 * POST/PUT/PATCH), and keeps the cookies the answer sets.
 */
export function browserFetch(api: TestApi, jar: CookieJar): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : String(input);
    const headers = new Headers(init?.headers ?? request?.headers);
    headers.set('origin', TEST_ORIGIN);
    const cookie = jar.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await api.app.request(url, {
      method: init?.method ?? request?.method ?? 'GET',
      headers,
      body: init?.body ?? null,
    });
    jar.store(response);
    return response;
  };
}

export type Person = { id: string; email: string; name: string; password: string };

/** A real API (migrated SQLite in a temp dir) with one program and its people. */
export interface SeededApi {
  api: TestApi;
  program: { id: string; name: string };
  admin: Person;
  coach: Person;
  teacher: Person;
  /** A fetch signed in as `person`, with its own cookie jar. */
  signedIn(person: Pick<Person, 'email' | 'password'>): Promise<typeof fetch>;
  close(): Promise<void>;
}

/**
 * Starts the API in-process and seeds North District: an admin, a coach and a teacher
 * (all able to sign in), with the teacher on the coach's caseload.
 */
export async function startSeededApi(): Promise<SeededApi> {
  const api = await createTestApi();
  const { setup } = api.ctx.services;
  const person = (email: string, name: string, id: string): Person => ({
    id,
    email,
    name,
    password: TEST_PASSWORD,
  });
  const { program, adminId } = await setup.createProgramWithAdmin('North District', {
    email: 'admin@north.test',
    name: 'Nora Admin',
    password: TEST_PASSWORD,
    timeZone: 'Europe/London',
  });
  const account = async (email: string, name: string, role: 'coach' | 'teacher') =>
    person(
      email,
      name,
      await setup.createAccount(program.id, { email, name, role, password: TEST_PASSWORD }),
    );
  const admin = person('admin@north.test', 'Nora Admin', adminId);
  const coach = await account('coach@north.test', 'Cole Coach', 'coach');
  const teacher = await account('teacher@north.test', 'Tina Teacher', 'teacher');

  const signedIn = async ({ email, password }: Pick<Person, 'email' | 'password'>) => {
    const fetchImpl = browserFetch(api, new CookieJar());
    const res = await fetchImpl(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email}: HTTP ${res.status}`);
    return fetchImpl;
  };

  const asAdmin = await signedIn(admin);
  const assigned = await asAdmin(`${TEST_ORIGIN}/api/caseloads/${teacher.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ coachId: coach.id }),
  });
  if (!assigned.ok) throw new Error(`assigning the teacher: HTTP ${assigned.status}`);

  return {
    api,
    program: { id: program.id, name: program.name },
    admin,
    coach,
    teacher,
    signedIn,
    close: () => api.close(),
  };
}

/**
 * Invites someone as the admin (through the API, as the Users page does) and returns the
 * token from the invitation link in the outbox.
 */
export async function inviteThroughApi(
  seeded: SeededApi,
  invitee: { email: string; name: string; role: 'admin' | 'coach' | 'teacher' },
): Promise<string> {
  const asAdmin = await seeded.signedIn(seeded.admin);
  const res = await asAdmin(`${TEST_ORIGIN}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invitee),
  });
  if (res.status !== 201) throw new Error(`invite: HTTP ${res.status} ${await res.text()}`);
  const outbox = (await (await asAdmin(`${TEST_ORIGIN}/api/outbox`)).json()) as {
    items: { to: string; text: string }[];
  };
  const message = outbox.items.find((item) => item.to === invitee.email);
  const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link for ${invitee.email} in the outbox`);
  return token;
}
