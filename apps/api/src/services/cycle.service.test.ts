import { afterEach, describe, expect, it } from 'vitest';
import { deriveStage, STAGES } from '../domain/cycle';
import { expectProblem } from '../testing/request';
import { createWorld, type World } from '../testing/world';

let world: World;
afterEach(() => world?.api.close());

const MIN = 60_000;
interface CycleBody {
  id: string;
  number: number;
  stage: string;
  lessonId: string | null;
  focusCodeIds: string[];
  videoDueOn: string | null;
  meetingAt: string | null;
  readiness: { clip1Watched: boolean; clip2Watched: boolean; stockScored: boolean | null };
  isVideoOverdue: boolean;
}

const ready = { clip1Watched: true, clip2Watched: true, stockScored: true };
const facts = {
  hasVideo: false,
  assignedAt: null,
  readiness: { clip1Watched: false, clip2Watched: false, stockScored: false },
  heldAt: null,
  logCompletedAt: null,
};

describe('deriveStage', () => {
  it('follows the facts, the latest fact winning', () => {
    expect(deriveStage(facts)).toBe(STAGES.awaitingVideo);
    expect(deriveStage({ ...facts, hasVideo: true })).toBe(STAGES.coachPreparing);
    expect(deriveStage({ ...facts, hasVideo: true, assignedAt: 't' })).toBe(STAGES.assigned);
    expect(deriveStage({ ...facts, assignedAt: 't', readiness: ready })).toBe(STAGES.teacherReady);
    // No stock clip to score: watching both clips is enough.
    expect(
      deriveStage({ ...facts, assignedAt: 't', readiness: { ...ready, stockScored: null } }),
    ).toBe(STAGES.teacherReady);
    expect(deriveStage({ ...facts, assignedAt: 't', heldAt: 't' })).toBe(STAGES.conversationHeld);
    expect(deriveStage({ ...facts, heldAt: 't', logCompletedAt: 't' })).toBe(STAGES.logComplete);
  });
});

describe('the cycle record', () => {
  it('moves through every stage as people act', async () => {
    world = await createWorld();
    const coach = world.as('coach');
    const teacher = world.as('teacherOwner');
    const db = world.api.ctx.db;
    const { body: opened } = await coach.call<CycleBody>('POST', '/api/cycles', 201, {
      json: { teacherId: world.users.teacherOwner.id, videoDueOn: '2026-12-04' },
    });
    expect(opened).toMatchObject({ number: 2, stage: 'awaiting_video', lessonId: null });
    // Carried over from cycle 1 (no log yet): its focus codes.
    expect(opened.focusCodeIds).toEqual(['STEXPL']);
    const get = async () =>
      (await teacher.call<CycleBody>('GET', `/api/cycles/${opened.id}`, 200)).body;

    // The teacher's next lesson becomes the cycle's video; uploading it moves the stage on.
    const { body: lesson } = await teacher.call<{ id: string }>('POST', '/api/lessons', 201, {
      json: {
        title: 'Area models',
        taughtOn: '2026-12-02',
        grade: '4',
        topic: 'Area',
        consent: true,
      },
    });
    expect(await get()).toMatchObject({ lessonId: lesson.id, stage: 'awaiting_video' });
    await db
      .updateTable('lesson')
      .set({ state: 'ready', duration_ms: 40 * MIN })
      .where('id', '=', lesson.id)
      .execute();
    expect((await get()).stage).toBe('coach_preparing');

    // Clips chosen, assignment sent.
    for (const position of [1, 2]) {
      await coach.call('PUT', `/api/lessons/${lesson.id}/clips/${position}`, 200, {
        json: {
          startMs: position * 10 * MIN,
          endMs: (position * 10 + 5) * MIN,
          summary: 'S',
          reason: 'R',
        },
      });
    }
    await db
      .insertInto('cycle_assignment')
      .values({
        cycle_id: opened.id,
        sent_by: world.users.coach.id,
        to_email: world.users.teacherOwner.email,
        subject: 'Clips to watch',
        body: 'Please watch',
        outbox_id: null,
        sent_at: new Date().toISOString(),
      })
      .execute();
    expect((await get()).stage).toBe('assigned');

    // Watching most of clip 1 is not both clips; watching both (no stock clip) is ready.
    await teacher.call('POST', `/api/lessons/${lesson.id}/watched`, 200, {
      json: { intervals: [[10 * MIN, 15 * MIN]] },
    });
    expect(await get()).toMatchObject({
      stage: 'assigned',
      readiness: { clip1Watched: true, clip2Watched: false, stockScored: null },
    });
    await teacher.call('POST', `/api/lessons/${lesson.id}/watched`, 200, {
      json: { intervals: [[20 * MIN, 24.6 * MIN]] },
    });
    expect((await get()).stage).toBe('teacher_ready');

    await coach.call('PATCH', `/api/cycles/${opened.id}`, 200, { json: { held: true } });
    expect((await get()).stage).toBe('conversation_held');
    const now = new Date().toISOString();
    await db
      .insertInto('collab_log')
      .values({
        cycle_id: opened.id,
        version: 1,
        fields: JSON.stringify({ focusCodeIds: ['SMQR'], nextVideoDueOn: '2026-12-18' }),
        completed_at: now,
        updated_by: world.users.teacherOwner.id,
        updated_at: now,
      })
      .execute();
    expect((await get()).stage).toBe('log_complete');

    // The next cycle opens from that log.
    const { body: next } = await coach.call<CycleBody>('POST', '/api/cycles', 201, {
      json: { teacherId: world.users.teacherOwner.id },
    });
    expect(next).toMatchObject({ number: 3, focusCodeIds: ['SMQR'], videoDueOn: '2026-12-18' });
  });

  it('lists what each viewer may see and flags an overdue video', async () => {
    world = await createWorld();
    const coach = world.as('coach');
    const { body: opened } = await coach.call<CycleBody>('POST', '/api/cycles', 201, {
      json: { teacherId: world.users.teacherOwner.id, videoDueOn: '2020-01-01' },
    });
    expect(opened.isVideoOverdue).toBe(true);
    const ids = async (persona: Parameters<World['as']>[0]) =>
      (await world.as(persona).call<{ items: CycleBody[] }>('GET', '/api/cycles', 200)).body.items
        .map((c) => c.id)
        .sort();
    expect(await ids('teacherOwner')).toEqual([world.cycleId, opened.id].sort());
    expect(await ids('coach')).toEqual([world.cycleId, opened.id].sort());
    expect(await ids('otherTeacher')).toEqual([]);
    expect(await ids('otherCoach')).toEqual([]);
    expect(await ids('foreignAdmin')).toEqual([]);
    expect(await ids('admin')).toEqual([world.cycleId, opened.id].sort());
  });

  it('refuses bad input and writes nothing', async () => {
    world = await createWorld();
    const coach = world.as('coach');
    const path = `/api/cycles/${world.cycleId}`;
    const before = (await coach.call<CycleBody>('GET', path, 200)).body;
    for (const json of [
      { focusCodeIds: ['NOPE'] },
      { lessonId: world.lessonId, stockCodeIds: ['XYZ'] },
      { videoDueOn: '2026-13-45' },
      { meetingAt: 'tomorrow at five' },
      { goalIds: ['not-a-goal-of-hers'] },
      {},
    ]) {
      const { res, body } = await coach.call('PATCH', path, 422, { json });
      expectProblem(res, body, 'validation_failed');
    }
    // Another teacher's lesson cannot become this cycle's video.
    const { body: other } = await world
      .as('otherTeacher')
      .call<{ id: string }>('POST', '/api/lessons', 201, {
        json: { title: 'T', taughtOn: '2026-11-20', grade: '3', topic: 'T', consent: true },
      });
    await coach.call('PATCH', path, 422, { json: { lessonId: other.id } });
    expect((await coach.call<CycleBody>('GET', path, 200)).body).toEqual(before);
  });

  it('keeps the stock clip and codes once the teacher has scored them', async () => {
    world = await createWorld();
    const coach = world.as('coach');
    const path = `/api/cycles/${world.cycleId}`;
    await coach.call('PATCH', path, 200, { json: { stockCodeIds: ['STEXPL'] } });
    const now = new Date().toISOString();
    await world.api.ctx.db
      .insertInto('stock_score')
      .values({
        cycle_id: world.cycleId,
        code_id: 'STEXPL',
        level: 'mid',
        reason: 'R',
        submitted_at: now,
        updated_at: now,
      })
      .execute();
    const { res, body } = await coach.call('PATCH', path, 409, {
      json: { stockCodeIds: ['SMQR'] },
    });
    expectProblem(res, body, 'scores_submitted');
    await coach.call('PATCH', path, 409, { json: { stockClipId: null } });
    // Other settings still change, and re-sending the same codes is no change.
    await coach.call('PATCH', path, 200, {
      json: { stockCodeIds: ['STEXPL'], videoDueOn: '2026-12-20' },
    });
  });

  it("moves an unfinished cycle to the teacher's new coach", async () => {
    world = await createWorld();
    await world.as('admin').call('PUT', `/api/caseloads/${world.users.teacherOwner.id}`, 200, {
      json: { coachId: world.users.otherCoach.id },
    });
    const path = `/api/cycles/${world.cycleId}`;
    const { body } = await world.as('otherCoach').call<{ coachId: string }>('GET', path, 200);
    expect(body.coachId).toBe(world.users.otherCoach.id);
    await world.as('otherCoach').call('PATCH', path, 200, { json: { videoDueOn: '2026-12-11' } });
    await world.as('coach').call('GET', path, 404);
  });

  it('gives two coaches clicking at once two different numbers', async () => {
    world = await createWorld();
    const coach = world.as('coach');
    const open = () =>
      coach.call<CycleBody>('POST', '/api/cycles', 201, {
        json: { teacherId: world.users.teacherOwner.id },
      });
    const opened = await Promise.all([open(), open(), open()]);
    expect(opened.map((o) => o.body.number).sort()).toEqual([2, 3, 4]);
  });

  it('removes only a cycle that has not started', async () => {
    world = await createWorld();
    const coach = world.as('coach');
    const { body: opened } = await coach.call<CycleBody>('POST', '/api/cycles', 201, {
      json: { teacherId: world.users.teacherOwner.id },
    });
    const { res, body } = await coach.call('DELETE', `/api/cycles/${world.cycleId}`, 409);
    expectProblem(res, body, 'cycle_in_progress');
    await coach.call('DELETE', `/api/cycles/${opened.id}`, 204);
    await coach.call('GET', `/api/cycles/${opened.id}`, 404);
  });
});
