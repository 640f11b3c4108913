import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROLES, type Viewer } from '../domain/account';
import { CaseloadRepository } from '../repositories/caseload.repository';
import { CycleRepository } from '../repositories/cycle.repository';
import { DashboardRepository } from '../repositories/dashboard.repository';
import { LessonRepository } from '../repositories/lesson.repository';
import { UserRepository } from '../repositories/user.repository';
import { createWorld, type World } from '../testing/world';
import { CycleService } from './cycle.service';
import { DashboardService } from './dashboard.service';
import { addCycle, addTeacher, day, instant } from './dashboard.test-support';

let world: World;
afterEach(() => world?.api.close());
// Accounts are made with real password hashing: building a caseload takes a few seconds.
vi.setConfig({ testTimeout: 60_000 });

interface Entry {
  teacher: { id: string; name: string };
  cycleCount: number;
  current: { number: number; stage: string; meetingAt: string | null } | null;
  canOpenNext: boolean;
  attention: { reason: string; rank: number };
}

/** A caseload with a teacher in every situation the coach's dashboard ranks. */
async function caseload(w: World) {
  const t = {
    overdue: await addTeacher(w, 'Olga Overdue'),
    soon: await addTeacher(w, 'Sam Soon'),
    held: await addTeacher(w, 'Hal Held'),
    done: await addTeacher(w, 'Dora Done'),
    fresh: await addTeacher(w, 'Fay Fresh'),
    later: await addTeacher(w, 'Lou Later'),
    waiting: await addTeacher(w, 'Wes Waiting'),
  };
  await addCycle(w, t.overdue.id, { stage: 'awaiting_video', videoDueOn: day(-2) });
  await addCycle(w, t.soon.id, { stage: 'assigned', meetingAt: instant(20) });
  await addCycle(w, t.held.id, { stage: 'conversation_held' });
  await addCycle(w, t.done.id, { stage: 'log_complete' });
  await addCycle(w, t.done.id, { stage: 'log_complete' });
  await addCycle(w, t.later.id, { stage: 'awaiting_video', videoDueOn: day(6) });
  await addCycle(w, t.waiting.id, { stage: 'assigned', meetingAt: instant(24 * 6) });
  return t;
}

describe('coach dashboard', () => {
  it('lists the caseload most urgent first, with each teacher’s current stage and counts', async () => {
    world = await createWorld();
    await caseload(world);
    const { body } = await world
      .as('coach')
      .call<{ items: Entry[] }>('GET', '/api/dashboard/coach', 200);
    const rows = body.items.map((e) => [
      e.teacher.name,
      e.current?.stage ?? null,
      e.attention.reason,
    ]);
    expect(rows).toEqual([
      ['Olga Overdue', 'awaiting_video', 'video_overdue'],
      ['Sam Soon', 'assigned', 'meeting_soon'],
      // The world's own teacher: cycle 1 has its video, the coach chooses clips.
      ['Tina Teacher', 'coach_preparing', 'prepare'],
      ['Hal Held', 'conversation_held', 'log_due'],
      ['Dora Done', 'log_complete', 'open_next'],
      ['Fay Fresh', null, 'open_next'],
      ['Wes Waiting', 'assigned', 'waiting_for_teacher'],
      ['Lou Later', 'awaiting_video', 'awaiting_video'],
    ]);
    const dora = body.items.find((e) => e.teacher.name === 'Dora Done') as Entry;
    expect(dora).toMatchObject({ cycleCount: 2, canOpenNext: true, current: { number: 2 } });
    expect(body.items.find((e) => e.teacher.name === 'Hal Held')?.canOpenNext).toBe(false);
    // Another coach's teacher never appears.
    expect(body.items.map((e) => e.teacher.name)).not.toContain('Tom Teacher');
    const { body: other } = await world
      .as('otherCoach')
      .call<{ items: Entry[] }>('GET', '/api/dashboard/coach', 200);
    expect(other.items.map((e) => e.teacher.name)).toEqual(['Tom Teacher']);
  });

  it('costs the same handful of queries for 2 teachers as for 20', async () => {
    world = await createWorld();
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = world.api.ctx.db.withPlugin(counting);
    const { access, audit } = world.api.ctx.services;
    const cycles = new CycleRepository(db);
    const caseloads = new CaseloadRepository(db);
    const users = new UserRepository(db);
    const cycleService = new CycleService({
      cycles,
      caseloads,
      users,
      lessons: new LessonRepository(db),
      access,
      audit,
    });
    const dashboards = new DashboardService({
      cycleService,
      cycles,
      caseloads,
      users,
      dashboard: new DashboardRepository(db),
      access,
    });
    const coach: Viewer = {
      userId: world.users.coach.id,
      programId: world.programId,
      role: ROLES.coach,
      name: 'Cole Coach',
      email: world.users.coach.email,
      timeZone: 'UTC',
      sessionId: 's',
    };
    await caseload(world);
    queries = 0;
    const small = await dashboards.coach(coach);
    const forSmall = queries;
    for (let i = 0; i < 12; i += 1) {
      const t = await addTeacher(world, `Extra Teacher ${i}`);
      await addCycle(world, t.id, { stage: 'log_complete' });
      await addCycle(world, t.id, { stage: i % 2 ? 'assigned' : 'coach_preparing' });
    }
    queries = 0;
    const large = await dashboards.coach(coach);
    expect(large.length).toBe(small.length + 12);
    expect(queries).toBe(forSmall);
    expect(queries).toBeLessThanOrEqual(10);
  });
});

describe('teacher dashboard', () => {
  it('puts the open cycle’s next steps first and the past cycles after', async () => {
    world = await createWorld();
    const teacher = world.as('teacherOwner');
    const { body: before } = await teacher.call<{
      current: { number: number; stage: string } | null;
      todo: Array<{ kind: string; isDone: boolean }>;
      history: unknown[];
    }>('GET', '/api/dashboard/teacher', 200);
    expect(before.current).toMatchObject({ number: 1, stage: 'coach_preparing' });
    expect(before.todo.map((t) => [t.kind, t.isDone])).toEqual([
      ['upload', true],
      ['coach_preparing', false],
    ]);
    // The coach sends the assignment: watching, scoring and the meeting become the to-do.
    const db = world.api.ctx.db;
    await db
      .insertInto('cycle_assignment')
      .values({
        cycle_id: world.cycleId,
        sent_by: world.users.coach.id,
        to_email: world.users.teacherOwner.email,
        subject: 'Clips',
        body: 'Please watch',
        outbox_id: null,
        sent_at: new Date().toISOString(),
      })
      .execute();
    await world.as('coach').call('PATCH', `/api/cycles/${world.cycleId}`, 200, {
      json: { meetingAt: '2027-01-12T17:00:00Z' },
    });
    const { body: assigned } = await teacher.call<{
      current: { stage: string };
      todo: Array<{ kind: string; isDone: boolean; at: string | null }>;
    }>('GET', '/api/dashboard/teacher', 200);
    expect(assigned.current.stage).toBe('assigned');
    expect(assigned.todo.map((t) => [t.kind, t.isDone])).toEqual([
      ['watch_clip_1', false],
      ['watch_clip_2', false],
      ['score_stock', false],
      ['meeting', false],
    ]);
    expect(assigned.todo.at(-1)?.at).toBe('2027-01-12T17:00:00.000Z');
    await db
      .insertInto('stock_score')
      .values(
        ['STEXPL', 'SMQR'].map((code) => ({
          cycle_id: world.cycleId,
          code_id: code,
          level: 'mid',
          reason: 'r',
          submitted_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })),
      )
      .execute();
    const { body: scored } = await teacher.call<{ todo: Array<{ kind: string; isDone: boolean }> }>(
      'GET',
      '/api/dashboard/teacher',
      200,
    );
    expect(scored.todo.find((t) => t.kind === 'score_stock')?.isDone).toBe(true);
    // Once the log is complete the cycle moves to the history and nothing is open.
    await db
      .insertInto('collab_log')
      .values({
        cycle_id: world.cycleId,
        version: 1,
        fields: '{}',
        completed_at: new Date().toISOString(),
        updated_by: world.users.coach.id,
        updated_at: new Date().toISOString(),
      })
      .execute();
    const { body: after } = await teacher.call<{
      current: unknown;
      todo: unknown[];
      history: Array<{ number: number; stage: string }>;
    }>('GET', '/api/dashboard/teacher', 200);
    expect(after).toMatchObject({ current: null, todo: [] });
    expect(after.history.map((c) => [c.number, c.stage])).toEqual([[1, 'log_complete']]);
  });
});

describe('program dashboard', () => {
  it('counts current stages, cycles and overdue items across the program', async () => {
    world = await createWorld();
    await caseload(world);
    const missed = await addTeacher(world, 'Mo Missed', world.users.otherCoach.id);
    await addCycle(world, missed.id, { stage: 'assigned', meetingAt: instant(-30) });
    const { body } = await world.as('admin').call<{
      teachers: Array<{
        teacher: { name: string };
        coachName: string | null;
        cycleCount: number;
        isMeetingOverdue: boolean;
        current: { stage: string } | null;
      }>;
      stageCounts: Record<string, number>;
      totals: Record<string, number>;
    }>('GET', '/api/dashboard/program', 200);
    // 7 added + Mo + Tina and Tom from the world, and the invited teacher (no coach yet).
    expect(body.totals).toEqual({
      teachers: 11,
      cycles: 9,
      overdueVideos: 1,
      overdueMeetings: 1,
      withoutCoach: 1,
    });
    expect(body.stageCounts).toEqual({
      awaiting_video: 2,
      coach_preparing: 1,
      assigned: 3,
      teacher_ready: 0,
      conversation_held: 1,
      log_complete: 1,
    });
    expect(body.teachers.find((t) => t.teacher.name === 'Mo Missed')).toMatchObject({
      coachName: 'Cat Coach',
      cycleCount: 1,
      isMeetingOverdue: true,
    });
    // The foreign admin's program has none of it.
    const { body: foreign } = await world
      .as('foreignAdmin')
      .call<{ totals: { teachers: number } }>('GET', '/api/dashboard/program', 200);
    expect(foreign.totals.teachers).toBe(0);
  });
});

describe('teacher overview', () => {
  it('shows the coach and the admin the teacher’s cycles; the coach may open the next only when none is open', async () => {
    world = await createWorld();
    const path = `/api/teachers/${world.users.teacherOwner.id}/overview`;
    const { body } = await world.as('coach').call<{
      teacher: { name: string };
      coach: { name: string } | null;
      cycles: Array<{ number: number; stage: string }>;
      canOpenNext: boolean;
    }>('GET', path, 200);
    expect(body).toMatchObject({
      teacher: { name: 'Tina Teacher' },
      coach: { name: 'Cole Coach' },
      cycles: [{ number: 1, stage: 'coach_preparing' }],
      canOpenNext: false,
    });
    const fresh = await addTeacher(world, 'Fay Fresh');
    const { body: empty } = await world
      .as('coach')
      .call<{ cycles: unknown[]; canOpenNext: boolean }>(
        'GET',
        `/api/teachers/${fresh.id}/overview`,
        200,
      );
    expect(empty).toMatchObject({ cycles: [], canOpenNext: true });
    const { body: asAdmin } = await world
      .as('admin')
      .call<{ canOpenNext: boolean; cycles: unknown[] }>('GET', path, 200);
    expect(asAdmin).toMatchObject({ canOpenNext: false, cycles: [{}] });
    // A coach (the admin) is not a teacher: no overview of them.
    await world.as('admin').call('GET', `/api/teachers/${world.users.coach.id}/overview`, 404);
    await world.as('coach').call('GET', '/api/teachers/not-a-user/overview', 404);
  });
});
