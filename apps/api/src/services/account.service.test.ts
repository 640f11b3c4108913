import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from '../testing/agent';
import { expectProblem } from '../testing/request';
import { createWorld, TEST_PASSWORD, type World } from '../testing/world';

let world: World;
afterEach(() => world?.api.close());

async function lastMailTo(w: World, email: string) {
  const messages = await w.api.ctx.repositories.outbox.listForProgram(w.programId, 50);
  const message = messages.find((m) => m.to === email);
  if (!message) throw new Error(`no mail to ${email}`);
  return message;
}

describe('invitations', () => {
  it('admin invites; the link lands in the outbox; the invitee sets name and password and signs in', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    await admin.call('POST', '/api/users', 201, {
      json: { email: 'Coach.New@North.test', name: 'C New', role: 'coach' },
    });
    const { body: outbox } = await admin.call<{ items: Array<{ to: string; text: string }> }>(
      'GET',
      '/api/outbox',
      200,
    );
    const mail = outbox.items.find((m) => m.to === 'coach.new@north.test');
    const token = /\/invitation\/([\w-]+)/.exec(mail?.text ?? '')?.[1] as string;
    expect(mail?.text).toContain('http://localhost/invitation/');

    const anon = world.as('anonymous');
    const { body: invitation } = await anon.call('GET', `/api/invitations/${token}`, 200);
    expect(invitation).toMatchObject({
      email: 'coach.new@north.test',
      role: 'coach',
      programName: 'North District',
    });
    // before accepting, the account cannot sign in
    await anon.call('POST', '/api/auth/sign-in/email', 401, {
      json: { email: 'coach.new@north.test', password: 'anything at all' },
    });
    await anon.call('POST', `/api/invitations/${token}/accept`, 200, {
      json: { name: 'Cleo Newcoach', password: 'my own password 1', timeZone: 'America/Chicago' },
    });
    const coach = await new Agent(world.api.app).signIn(
      'coach.new@north.test',
      'my own password 1',
    );
    const { body: me } = await coach.call('GET', '/api/me', 200);
    expect(me).toMatchObject({
      user: { name: 'Cleo Newcoach', role: 'coach', timeZone: 'America/Chicago' },
    });
  });

  it('refuses a link used twice, an expired link and an unknown one', async () => {
    world = await createWorld();
    const anon = world.as('anonymous');
    const accept = (status: number) =>
      anon.call('POST', `/api/invitations/${world.invitationToken}/accept`, status, {
        json: { name: 'Nia', password: 'first password 1' },
      });
    await accept(200);
    const { res, body } = await accept(410);
    expectProblem(res, body, 'invitation_used');

    world.api.close();
    world = await createWorld();
    await world.api.ctx.db
      .updateTable('invitation')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const expired = await world
      .as('anonymous')
      .call('POST', `/api/invitations/${world.invitationToken}/accept`, 410, {
        json: { name: 'Nia', password: 'first password 1' },
      });
    expectProblem(expired.res, expired.body, 'invitation_expired');
    const unknown = await world
      .as('anonymous')
      .call('GET', `/api/invitations/${'x'.repeat(43)}`, 404);
    expectProblem(unknown.res, unknown.body, 'invitation_invalid');
  });

  it('a malformed link is answered like an unknown one', async () => {
    world = await createWorld();
    const { res, body } = await world
      .as('anonymous')
      .call('GET', '/api/invitations/not%20a%20token', 404);
    expectProblem(res, body, 'invitation_invalid');
  });

  it('a new invitation voids the earlier link', async () => {
    world = await createWorld();
    await world
      .as('admin')
      .call('POST', `/api/users/${world.users.invitee.id}/resend-invitation`, 200);
    await world.as('anonymous').call('GET', `/api/invitations/${world.invitationToken}`, 410);
  });

  it('refuses an email that already has an account, and writes nothing', async () => {
    world = await createWorld();
    const before = await world.api.ctx.repositories.outbox.listForProgram(world.programId, 100);
    const { res, body } = await world.as('admin').call('POST', '/api/users', 409, {
      json: { email: world.users.coach.email, name: 'Dup', role: 'teacher' },
    });
    expectProblem(res, body, 'email_taken');
    const after = await world.api.ctx.repositories.outbox.listForProgram(world.programId, 100);
    expect(after).toHaveLength(before.length);
  });
});

describe('password reset', () => {
  const request = (w: World, email: string) =>
    w.as('anonymous').call('POST', '/api/auth/request-password-reset', 200, {
      json: { email, redirectTo: '/reset-password' },
    });

  it('mails a single-use link that sets a new password and ends the old sessions', async () => {
    world = await createWorld();
    await request(world, world.users.teacherOwner.email);
    const mail = await lastMailTo(world, world.users.teacherOwner.email);
    const token = new URL(/https?:\S+/.exec(mail.text)?.[0] ?? '').searchParams.get(
      'token',
    ) as string;
    expect(mail.text).toContain('http://localhost/reset-password?token=');

    const anon = world.as('anonymous');
    await anon.call('POST', '/api/auth/reset-password', 200, {
      json: { token, newPassword: 'brand new pass 9' },
    });
    await world.as('teacherOwner').call('GET', '/api/me', 401);
    await new Agent(world.api.app).signIn(world.users.teacherOwner.email, 'brand new pass 9');
    await anon.call('POST', '/api/auth/sign-in/email', 401, {
      json: { email: world.users.teacherOwner.email, password: TEST_PASSWORD },
    });
    const reused = await anon.call('POST', '/api/auth/reset-password', 400, {
      json: { token, newPassword: 'another pass 99' },
    });
    expectProblem(reused.res, reused.body, 'invalid_token');
  });

  it('refuses an expired link', async () => {
    world = await createWorld();
    await request(world, world.users.coach.email);
    const mail = await lastMailTo(world, world.users.coach.email);
    const token = new URL(/https?:\S+/.exec(mail.text)?.[0] ?? '').searchParams.get(
      'token',
    ) as string;
    await world.api.ctx.db
      .updateTable('auth_verification')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .execute();
    await world.as('anonymous').call('POST', '/api/auth/reset-password', 400, {
      json: { token, newPassword: 'brand new pass 9' },
    });
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    world = await createWorld();
    await request(world, 'nobody@north.test');
    await expect(lastMailTo(world, 'nobody@north.test')).rejects.toThrow();
  });
});

describe('users and caseloads', () => {
  it('assigning a teacher to a new coach keeps the history and moves access', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    await admin.call('PUT', `/api/caseloads/${world.users.teacherOwner.id}`, 200, {
      json: { coachId: world.users.otherCoach.id },
    });
    const { body } = await admin.call<{
      items: Array<{ teacherId: string; coachId: string; endsAt: string | null }>;
    }>('GET', '/api/caseloads', 200);
    const mine = body.items.filter((a) => a.teacherId === world.users.teacherOwner.id);
    expect(mine.map((a) => [a.coachId, a.endsAt === null])).toEqual(
      expect.arrayContaining([
        [world.users.coach.id, false],
        [world.users.otherCoach.id, true],
      ]),
    );
    const { body: coachView } = await world
      .as('coach')
      .call<{ items: unknown[] }>('GET', '/api/caseloads', 200);
    expect(coachView.items).toEqual([]);
    const access = world.api.ctx.services.access;
    const resource = {
      kind: 'lesson',
      programId: world.programId,
      teacherId: world.users.teacherOwner.id,
    } as const;
    const viewer = (id: string) => ({
      userId: id,
      programId: world.programId,
      role: 'coach' as const,
      name: '',
      email: '',
      timeZone: 'UTC',
      sessionId: '',
    });
    expect(await access.can(viewer(world.users.coach.id), 'read', resource)).toBe(false);
    expect(await access.can(viewer(world.users.otherCoach.id), 'read', resource)).toBe(true);
  });

  it('refuses to give a teacher a coach from another program or a non-coach', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    await admin.call('PUT', `/api/caseloads/${world.users.teacherOwner.id}`, 404, {
      json: { coachId: world.users.foreignAdmin.id },
    });
    const { res, body } = await admin.call(
      'PUT',
      `/api/caseloads/${world.users.teacherOwner.id}`,
      422,
      {
        json: { coachId: world.users.otherTeacher.id },
      },
    );
    expectProblem(res, body, 'not_a_coach');
  });

  it('lists only the admin’s own program and records changes in the audit trail', async () => {
    world = await createWorld();
    const { body } = await world
      .as('foreignAdmin')
      .call<{ items: Array<{ email: string }> }>('GET', '/api/users', 200);
    expect(body.items.map((u) => u.email)).toEqual(['admin@south.test']);
    await world
      .as('admin')
      .call('PATCH', `/api/users/${world.users.otherTeacher.id}`, 200, { json: { role: 'coach' } });
    const { body: audit } = await world
      .as('admin')
      .call<{ items: Array<{ action: string; subjectId: string }> }>(
        'GET',
        `/api/audit?userId=${world.users.admin.id}`,
        200,
      );
    expect(audit.items[0]).toMatchObject({
      action: 'user.role-changed',
      subjectId: world.users.otherTeacher.id,
    });
    const { body: foreignAudit } = await world
      .as('foreignAdmin')
      .call<{ items: Array<{ action: string }> }>('GET', '/api/audit', 200);
    expect(foreignAudit.items.some((e) => e.action === 'user.role-changed')).toBe(false);
  });

  it('a teacher sees who their coach is, and only that', async () => {
    world = await createWorld();
    const { body } = await world.as('teacherOwner').call('GET', '/api/me', 200);
    expect(body).toMatchObject({ coach: { id: world.users.coach.id, name: 'Cole Coach' } });
    const { body: coach } = await world.as('coach').call('GET', '/api/me', 200);
    expect(coach).toMatchObject({ coach: null });
  });

  it('an admin cannot change their own role or deactivate themselves', async () => {
    world = await createWorld();
    await world
      .as('admin')
      .call('PATCH', `/api/users/${world.users.admin.id}`, 409, { json: { role: 'coach' } });
    await world.as('admin').call('POST', `/api/users/${world.users.admin.id}/deactivate`, 409);
  });
});
