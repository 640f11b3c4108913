import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type Persona, type World } from './testing/world';

/**
 * What a teacher can read never contains what is not theirs. A marker string is written
 * into things no teacher may see (another program's people, another teacher's account,
 * admin-only mail and audit entries, coaches' private notes as they arrive); then every
 * GET route, with every id we know substituted into its parameters, is read as each
 * teacher and searched for the marker.
 */

const MARKER = 'PRIVATE-MARKER-7f3a';
let world: World;

beforeAll(async () => {
  world = await createWorld();
  const { db } = world.api.ctx;
  await db
    .updateTable('auth_user')
    .set({ name: `Sam ${MARKER}` })
    .where('id', 'in', [world.users.foreignAdmin.id, world.users.invitee.id])
    .execute();
  await db
    .updateTable('program')
    .set({ name: `South ${MARKER}` })
    .where('id', '=', world.foreignProgramId)
    .execute();
  await world.api.ctx.services.audit.record({
    programId: world.programId,
    actorId: world.users.admin.id,
    action: 'test.marker',
    detail: { note: MARKER },
  });
  // A coach's private planning note on the teacher's own lesson: the heart of the check.
  await world.api.ctx.db
    .updateTable('annotation')
    .set({ body: `${MARKER}: ask about wait time`, teacher_does: MARKER })
    .where('id', '=', world.privateAnnotationId)
    .execute();
  await world.api.ctx.mailer.send({
    programId: world.programId,
    to: world.users.coach.email,
    kind: 'test',
    subject: MARKER,
    text: MARKER,
  });
});
afterAll(() => world.api.close());

/** Every id a teacher could come to know or guess. (Not the invitation token: only its invitee holds it.) */
function candidateIds(w: World): string[] {
  return [
    ...Object.values(w.users).map((u) => u.id),
    w.programId,
    w.foreignProgramId,
    w.lessonId,
    w.uploadId,
    w.readyLessonId,
    w.annotationId,
    w.privateAnnotationId,
    w.replyId,
    'csv',
    'vtt',
    'jsonld',
    '1',
    '2',
    'mqi-4pt',
  ];
}

function expand(path: string, ids: string[]): string[] {
  const param = /:[A-Za-z]+/.exec(path);
  if (!param) return [path];
  return ids.flatMap((id) => expand(path.replace(param[0], id), ids));
}

describe('teacher-visible responses', () => {
  const teachers: Persona[] = ['teacherOwner', 'otherTeacher'];
  it.each(teachers)('contain no private marker, on any GET route, as %s', async (persona) => {
    const routes = [
      ...new Set(
        world.api.app.routes
          .filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && !r.path.endsWith('*'))
          .map((r) => r.path),
      ),
    ];
    expect(routes.length).toBeGreaterThan(5);
    let read = 0;
    for (const path of routes.flatMap((p) => expand(p, candidateIds(world)))) {
      const headers: Record<string, string> = { cookie: world.cookies[persona as 'teacherOwner'] };
      const res = await world.api.app.request(path, { headers });
      const text = await res.text();
      expect(text, `${path} leaked the marker`).not.toContain(MARKER);
      if (res.ok) read++;
    }
    expect(read).toBeGreaterThanOrEqual(5);
  });

  it('the marker is really there for those allowed to see it (the search can find it)', async () => {
    const { body } = await world.as('admin').call('GET', '/api/outbox', 200);
    expect(JSON.stringify(body)).toContain(MARKER);
    const { body: foreign } = await world.as('foreignAdmin').call('GET', '/api/me', 200);
    expect(JSON.stringify(foreign)).toContain(MARKER);
    const { body: coachView } = await world
      .as('coach')
      .call('GET', `/api/lessons/${world.readyLessonId}/timeline`, 200);
    expect(JSON.stringify(coachView)).toContain(MARKER);
  });
});
