import { afterEach, describe, expect, it } from 'vitest';
import { Agent, sessionCookieOf } from '../testing/agent';
import { expectProblem } from '../testing/request';
import { createWorld, TEST_PASSWORD, type World } from '../testing/world';

let world: World;
afterEach(() => world?.api.close());

const signInBody = (w: World) => ({ email: w.users.teacherOwner.email, password: TEST_PASSWORD });

describe('sessions', () => {
  it('sets an HttpOnly SameSite cookie and keeps the token out of the response body', async () => {
    world = await createWorld();
    const { res, body } = await world
      .as('anonymous')
      .call('POST', '/api/auth/sign-in/email', 200, { json: signInBody(world) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('elevate.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http in tests; https sets Secure
    expect(JSON.stringify(body)).not.toContain(sessionCookieOf(res).split('=')[1]?.split('.')[0]);
  });

  it('marks the cookie Secure when Elevate is served over HTTPS', async () => {
    world = await createWorld({ PUBLIC_URL: 'https://elevate.school.example' });
    const { res } = await world.as('anonymous').call('POST', '/api/auth/sign-in/email', 200, {
      json: signInBody(world),
      headers: { origin: 'https://elevate.school.example' },
    });
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('issues a new session id at every sign-in and ignores one planted before (no fixation)', async () => {
    world = await createWorld();
    const planted = new Agent(world.api.app, 'elevate.session_token=planted-by-attacker');
    await planted.call('GET', '/api/me', 401);
    await planted.signIn(world.users.teacherOwner.email, TEST_PASSWORD);
    expect(planted.cookie).not.toContain('planted-by-attacker');
    const first = planted.cookie;
    await planted.signIn(world.users.teacherOwner.email, TEST_PASSWORD);
    expect(planted.cookie).not.toBe(first);
  });

  it('sign-out ends the session on the server, not just in the browser', async () => {
    world = await createWorld();
    const teacher = world.as('teacherOwner');
    await teacher.call('GET', '/api/me', 200);
    await teacher.call('POST', '/api/auth/sign-out', 200);
    const { res, body } = await teacher.call('GET', '/api/me', 401);
    expectProblem(res, body, 'unauthenticated');
  });

  it('ends a session left idle past its expiry', async () => {
    world = await createWorld();
    await world.api.ctx.db
      .updateTable('auth_session')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('userId', '=', world.users.teacherOwner.id)
      .execute();
    await world.as('teacherOwner').call('GET', '/api/me', 401);
    await world.as('coach').call('GET', '/api/me', 200);
  });

  it('ends a session older than the absolute limit even when it was kept active', async () => {
    world = await createWorld();
    const longAgo = new Date(Date.now() - world.api.ctx.config.session.maxSeconds * 1000 - 60_000);
    await world.api.ctx.db
      .updateTable('auth_session')
      .set({ createdAt: longAgo.toISOString() })
      .where('userId', '=', world.users.teacherOwner.id)
      .execute();
    await world.as('teacherOwner').call('GET', '/api/me', 401);
    const left = await world.api.ctx.db
      .selectFrom('auth_session')
      .select('id')
      .where('userId', '=', world.users.teacherOwner.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('deactivating a user ends all their sessions and refuses their next sign-in', async () => {
    world = await createWorld();
    const second = await new Agent(world.api.app).signIn(
      world.users.otherTeacher.email,
      TEST_PASSWORD,
    );
    await world
      .as('admin')
      .call('POST', `/api/users/${world.users.otherTeacher.id}/deactivate`, 200);
    await world.as('otherTeacher').call('GET', '/api/me', 401);
    await second.call('GET', '/api/me', 401);
    await new Agent(world.api.app).call('POST', '/api/auth/sign-in/email', 401, {
      json: { email: world.users.otherTeacher.email, password: TEST_PASSWORD },
    });
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request with the cookie from another origin', async () => {
    world = await createWorld();
    const { res, body } = await world.as('admin').call('POST', '/api/users', 403, {
      json: { email: 'x@north.test', name: 'X', role: 'teacher' },
      headers: { origin: 'https://evil.example' },
    });
    expectProblem(res, body, 'csrf_rejected');
    const users = await world.api.ctx.repositories.users.findByEmail('x@north.test');
    expect(users).toBeUndefined();
  });

  it('refuses a cross-site request that carries the cookie but no Origin', async () => {
    world = await createWorld();
    await world.as('admin').call('PATCH', '/api/me', 403, {
      json: { name: 'Hacked' },
      headers: { origin: '', 'sec-fetch-site': 'cross-site' },
    });
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    world = await createWorld();
    await world.as('anonymous').call('POST', '/api/auth/sign-in/email', 403, {
      json: signInBody(world),
      headers: { origin: 'https://evil.example' },
    });
  });
});

describe('rate limits', () => {
  it('locks one account after repeated failed sign-ins with a clear message, from any address', async () => {
    world = await createWorld();
    const attempt = (status: number) =>
      world.as('anonymous').call('POST', '/api/auth/sign-in/email', status, {
        json: { email: world.users.coach.email, password: 'wrong password!' },
      });
    for (let i = 0; i < 8; i++) await attempt(401);
    const { res, body } = await attempt(429);
    expectProblem(res, body, 'rate_limited');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((body as { detail: string }).detail).toMatch(/wait about \d+ minute/);
    // the right password does not get through either while the account is limited
    await world.as('anonymous').call('POST', '/api/auth/sign-in/email', 429, {
      json: { email: world.users.coach.email, password: TEST_PASSWORD },
    });
    // other accounts are unaffected
    await world
      .as('anonymous')
      .call('POST', '/api/auth/sign-in/email', 200, { json: signInBody(world) });
  });

  it('limits sign-in attempts per address, whichever accounts they try', {
    timeout: 60_000,
  }, async () => {
    // In tests every request comes from one socket address; trusting it as a proxy makes
    // X-Forwarded-For the client address, which is also how deployments behind a proxy run.
    world = await createWorld({ TRUSTED_PROXIES: '0.0.0.0' });
    const from = (ip: string, i: number, status: number) =>
      world.as('anonymous').call('POST', '/api/auth/sign-in/email', status, {
        json: { email: `nobody${i}@north.test`, password: 'guess guess guess' },
        headers: { 'x-forwarded-for': `203.0.113.9, ${ip}` },
      });
    for (let i = 0; i < 40; i++) await from('198.51.100.7', i, 401);
    const { res, body } = await from('198.51.100.7', 99, 429);
    expectProblem(res, body, 'rate_limited');
    await from('198.51.100.8', 100, 401);
  });

  it('limits password reset requests per account', async () => {
    world = await createWorld();
    const ask = (status: number) =>
      world.as('anonymous').call('POST', '/api/auth/request-password-reset', status, {
        json: { email: world.users.teacherOwner.email, redirectTo: '/reset-password' },
      });
    for (let i = 0; i < 3; i++) await ask(200);
    await ask(429);
  });
});

describe('security headers', () => {
  it('sends a content security policy and the other protective headers on every response', async () => {
    world = await createWorld();
    for (const path of ['/api/health', '/api/nothing-here']) {
      const { res } = await world
        .as('anonymous')
        .call('GET', path, path === '/api/health' ? 200 : 404);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("media-src 'self' blob:");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});
