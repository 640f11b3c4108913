import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db/database';
import type { RouteCase } from './matrix/expect';
import { MATRIX } from './matrix/index';
import { createWorld, PERSONAS, type Persona, type World } from './testing/world';

/**
 * Hostile input, generated: every route that takes a body or an id gets wrong types, huge
 * strings, NaN and negative times, unknown codes, deep JSON, wrong content types and path
 * tricks; every route gets hostile query strings and hostile headers. Whatever arrives, the API answers below 500, every error is problem+json with a
 * stable code, and a refused request leaves every table exactly as it was.
 */

/** Tables that change on any signed-in request (session refresh, limiter buckets). */
const VOLATILE = new Set([
  'auth_session',
  'rate_limit',
  'kysely_migration',
  'kysely_migration_lock',
]);
/**
 * The one deliberate write on a refused request: a failed sign-in is recorded in the audit
 * trail (who tried, from where), because that is what an admin investigating an attack reads.
 */
const AUDITED_REFUSALS = new Set(['POST /api/auth/sign-in/email']);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);

async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !VOLATILE.has(name))
    .sort();
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const lines = rows.rows.map((r) =>
      JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    );
    hashes[table] = createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  }
  return hashes;
}

/** The persona for whom the route's well-formed request succeeds (so refusals are about input). */
function ownerOf(spec: RouteCase): Persona | undefined {
  const preferred: Persona[] = ['coach', 'teacherOwner', 'admin', ...PERSONAS];
  return preferred.find((p) => spec.expect[p] >= 200 && spec.expect[p] < 300);
}

const huge = 'x'.repeat(200_000);
const deepJson = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const hostileValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(huge, '', ' ', '\u0000', '<script>alert(1)</script>', '../../etc/passwd'),
  fc.integer(),
  fc.constantFrom(-1, -1e9, 1e308, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(['ZZZZ'], ['STEXPL', 42], [[-1, -5]], [null]),
  fc.constantFrom('ZZZZ', '2026-02-30', '9999-99-99T99:99', 'NaN', 'Infinity'),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
);

type Attempt = { body: string; contentType: string };

/** A mutated body: one or two fields replaced, removed or added; or a body that is not one. */
function hostileBody(sample: unknown): fc.Arbitrary<Attempt> {
  const json = (v: unknown): Attempt => ({
    // JSON.stringify turns NaN into null; write it raw so the server sees a NaN token.
    body: JSON.stringify(v),
    contentType: 'application/json',
  });
  const base = (
    sample && typeof sample === 'object' && !Array.isArray(sample) ? sample : {}
  ) as Record<string, unknown>;
  const keys = Object.keys(base);
  const fieldMutation = fc
    .array(
      fc.tuple(
        keys.length
          ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 }))
          : fc.string({ maxLength: 6 }),
        fc.option(hostileValue, { nil: undefined }),
      ),
      { minLength: 1, maxLength: 2 },
    )
    .map((changes) => {
      const body: Record<string, unknown> = { ...base };
      for (const [key, value] of changes) {
        if (value === undefined) delete body[key];
        else body[key] = value;
      }
      return json(body);
    });
  const notABody = fc.constantFrom<Attempt>(
    { body: 'not json', contentType: 'application/json' },
    { body: '', contentType: 'application/json' },
    { body: '{"a":', contentType: 'application/json' },
    { body: '{"startMs": NaN}', contentType: 'application/json' },
    { body: 'null', contentType: 'application/json' },
    { body: '[]', contentType: 'application/json' },
    { body: deepJson, contentType: 'application/json' },
    { body: JSON.stringify(base), contentType: 'text/plain' },
    { body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    {
      body: JSON.stringify({ ...base, pad: 'y'.repeat(1_100_000) }),
      contentType: 'application/json',
    },
  );
  return fc.oneof({ weight: 3, arbitrary: fieldMutation }, { weight: 1, arbitrary: notABody });
}

/** Query parameters the API reads somewhere, and others: hostile values for any of them. */
const QUERY_KEYS = ['limit', 'userId', 'lessonId', 'teacherId', 'before', 'q', 'grade', 'code'];
const hostileQuery = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })),
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('', 'NaN', '-1', '0', '501', '1e309', '0x10', 'true', '[]'),
          fc.constantFrom('x'.repeat(10_000), '\u0000', '../../etc', '<script>alert(1)</script>'),
          fc.constantFrom('2026-02-30T99:99:99Z', 'not-a-date', "' OR 1=1 --"),
        ),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((pairs) =>
      pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    ),
  // Written raw: bad escapes, repeated and bracketed keys, keys without values.
  fc.constantFrom(
    'limit=%E0%A4%A',
    'limit=1&limit=2&limit=x',
    'limit[]=1&teacherId[a]=b',
    '%00=%00',
    'q',
    '&&&=&',
    'before=%2F%2E%2E',
  ),
);

const PATH_TRICKS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a'.repeat(3000),
  '%F0%9F%99%82',
  "'%20OR%201=1%20--",
  '%E0%A4%A',
  '..',
];

/**
 * One header of an otherwise well-formed request made hostile: forged, empty or huge session
 * cookies, foreign or missing origins, odd content types, absurd ranges and request ids.
 * `null` removes the header.
 */
const HOSTILE_HEADERS: Array<[string, string | null]> = [
  ['cookie', 'elevate.session_token=forged'],
  ['cookie', 'elevate.session_token=forged.c2lnbmF0dXJl'],
  ['cookie', 'elevate.session_token='],
  ['cookie', `elevate.session_token=${'z'.repeat(8000)}`],
  ['cookie', 'elevate.session_token=%E0%A4%A; elevate.session_token=%00'],
  ['cookie', null],
  ['origin', 'https://evil.example'],
  ['origin', 'null'],
  ['origin', null],
  ['content-type', 'application/json; charset=latin1'],
  ['content-type', 'multipart/form-data; boundary=x'],
  ['content-type', 'application/json, text/plain'],
  ['content-type', null],
  ['accept', 'text/html'],
  ['range', 'bytes=abc'],
  ['range', 'bytes=999999999999-1'],
  ['if-none-match', '"'.repeat(3000)],
  ['x-request-id', 'x'.repeat(5000)],
  ['x-request-id', '<script>alert(1)</script>'],
  ['x-forwarded-for', 'not-an-ip, ::ffff:999.1.1.1'],
  ['authorization', 'Bearer forged'],
];

async function expectRefusedCleanly(
  res: Response,
  db: Db,
  before: Record<string, string>,
  route: string,
  what: string,
) {
  const text = await res.text();
  expect(res.status, `${what} -> ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.headers.get('content-type'), `${what}: ${text.slice(0, 200)}`).toMatch(
    /^application\/problem\+json/,
  );
  expect(typeof (JSON.parse(text) as { code?: unknown }).code, what).toBe('string');
  const after = await snapshot(db);
  const changed = Object.keys(after).filter(
    (table) =>
      after[table] !== before[table] && !(table === 'audit_event' && AUDITED_REFUSALS.has(route)),
  );
  expect(changed, `${what} (${res.status}) wrote to tables`).toEqual([]);
}

/**
 * A request as the persona's browser would send it (its cookie, a same-origin Origin), with
 * one header replaced or removed when `header` says so.
 */
function send(
  persona: Persona,
  method: string,
  path: string,
  attempt: Attempt,
  header?: [string, string | null],
) {
  const headers: Record<string, string> = {
    origin: 'http://localhost',
    'content-type': attempt.contentType,
  };
  if (persona !== 'anonymous') headers.cookie = world.cookies[persona];
  if (header) {
    const [name, value] = header;
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return Promise.resolve(
    world.api.app.request(path, { method, headers, body: hasBody ? attempt.body : null }),
  );
}

const cases = Object.entries(MATRIX).filter(
  ([route, spec]) => !route.includes('/api/storage/') && !spec.raw && ownerOf(spec),
);

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.api.close());

describe('hostile input', () => {
  it('covers every route with a body or an id', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  describe.each(cases)('%s', (route, spec) => {
    const [method = 'GET'] = route.split(' ');
    const persona = ownerOf(spec) as Persona;
    /** One hostile request as the route's owner: below 500, and a refusal writes nothing. */
    const tryHostile = async (
      what: string,
      path: string,
      attempt: Attempt,
      header?: [string, string | null],
    ) => {
      const before = await snapshot(world.api.ctx.db);
      const res = await send(persona, method, path, attempt, header);
      await expectRefusedCleanly(res, world.api.ctx.db, before, route, what);
    };
    /** The route's well-formed body (an empty object for routes without one). */
    const sample = (): Attempt => ({
      body: JSON.stringify(spec.body?.(world) ?? {}),
      contentType: 'application/json',
    });

    it('refuses generated bodies cleanly', async () => {
      if (spec.body === undefined) return;
      const path = spec.path(world);
      await fc.assert(
        fc.asyncProperty(hostileBody(spec.body(world)), (attempt) =>
          tryHostile(`${route} ${attempt.body.slice(0, 80)}`, path, attempt),
        ),
        { numRuns: RUNS },
      );
    }, 120_000);

    it('refuses hostile headers cleanly', async () => {
      const path = spec.path(world);
      for (const header of HOSTILE_HEADERS) {
        const what = `${route} with ${header[0]}: ${String(header[1]).slice(0, 60)}`;
        await tryHostile(what, path, sample(), header);
      }
    }, 120_000);

    it('refuses generated query strings cleanly', async () => {
      const path = spec.path(world);
      await fc.assert(
        fc.asyncProperty(hostileQuery, (query) =>
          tryHostile(
            `${route} ?${query.slice(0, 80)}`,
            `${path}${path.includes('?') ? '&' : '?'}${query}`,
            sample(),
          ),
        ),
        { numRuns: RUNS },
      );
    }, 120_000);

    it('refuses path tricks in place of ids cleanly', async () => {
      const path = spec.path(world);
      const ids = new Set(Object.values(world).filter((v): v is string => typeof v === 'string'));
      const segments = path.split('?')[0]?.split('/') ?? [];
      const idAt = segments.findIndex((s) => ids.has(s) || /^[0-9a-f-]{36}$/.test(s));
      if (idAt < 0) return;
      for (const trick of PATH_TRICKS) {
        const tricked = [...segments];
        tricked[idAt] = trick;
        const trickedPath = tricked.join('/');
        await tryHostile(`${method} ${trickedPath.slice(0, 120)}`, trickedPath, sample());
      }
    }, 60_000);
  });
});
