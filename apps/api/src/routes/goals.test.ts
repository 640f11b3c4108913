import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Goal, TeacherYear } from '../domain/goal';
import { expectProblem } from '../testing/request';
import { createWorld, PERSONAS, type Persona, type World } from '../testing/world';

// The goal-setting sheet and the year view on a real database: goals change by archive and
// replace, so the year keeps what each cycle worked on.

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.api.close();
});

const goalsPath = () => `/api/teachers/${w.users.teacherOwner.id}/goals`;
const addGoal = async (persona: Persona, codeId: string, text: string) =>
  (await w.as(persona).call<Goal>('POST', goalsPath(), 201, { json: { codeId, text } })).body;
const listGoals = async (persona: Persona = 'teacherOwner') =>
  (await w.as(persona).call<{ items: Goal[] }>('GET', goalsPath(), 200)).body.items;

describe('goals', () => {
  it('keeps a changed goal as archived history and answers for the current one', async () => {
    const first = await addGoal('teacherOwner', 'STEXPL', 'Students explain how.');
    expect(first).toMatchObject({ codeId: 'STEXPL', archivedAt: null });
    expect(first).not.toHaveProperty('programId');
    const { body: second } = await w
      .as('coach')
      .call<Goal>('PATCH', `/api/goals/${first.id}`, 200, {
        json: { text: 'Students explain why, not only how.' },
      });
    expect(second.id).not.toBe(first.id);
    const goals = await listGoals('coach');
    expect(goals.map((g) => [g.text, g.archivedAt === null])).toEqual([
      ['Students explain how.', false],
      ['Students explain why, not only how.', true],
    ]);
    // The archived one can no longer change: whoever tries is told, and nothing is written.
    const { res, body } = await w
      .as('teacherOwner')
      .call('PATCH', `/api/goals/${first.id}`, 409, { json: { text: 'Again' } });
    expectProblem(res, body, 'goal_archived');
    expect(await listGoals()).toHaveLength(2);

    await w.as('teacherOwner').call('DELETE', `/api/goals/${second.id}`, 204);
    expect((await listGoals()).every((g) => g.archivedAt !== null)).toBe(true);
  });

  it('refuses unknown codes and empty goals, writing nothing', async () => {
    const { res, body } = await w
      .as('teacherOwner')
      .call('POST', goalsPath(), 422, { json: { codeId: 'NOPE', text: 'x' } });
    expectProblem(res, body, 'validation_failed');
    await w.as('teacherOwner').call('POST', goalsPath(), 422, {
      json: { codeId: 'STEXPL', text: '   ' },
    });
    expect(await listGoals()).toEqual([]);
  });

  it("does not exist for anyone outside the teacher's pair", async () => {
    await w.as('otherTeacher').call('GET', goalsPath(), 404);
    await w.as('otherCoach').call('POST', goalsPath(), 404, {
      json: { codeId: 'STEXPL', text: 'Sneaky' },
    });
    // A coach is not a teacher with a goal sheet.
    await w.as('coach').call('GET', `/api/teachers/${w.users.coach.id}/goals`, 404);
    expect(await listGoals()).toEqual([]);
  });
});

describe('the year view', () => {
  it('shows cycle by cycle the focus codes, goals linked, next step and stage', async () => {
    const goal = await addGoal('teacherOwner', 'SMQR', 'Students ask each other questions.');
    await w.as('coach').call('PATCH', `/api/cycles/${w.cycleId}`, 200, {
      json: { goalIds: [goal.id] },
    });
    const { body: log } = await w
      .as('teacherOwner')
      .call<{ fields: Record<string, unknown> }>('GET', `/api/cycles/${w.cycleId}/log`, 200);
    await w.as('teacherOwner').call('PUT', `/api/cycles/${w.cycleId}/log`, 200, {
      json: {
        baseVersion: 0,
        fields: { ...log.fields, teacherNextStep: 'Wait five seconds.', focusCodeIds: ['SMQR'] },
      },
    });
    // The goal changes later in the year; the cycle still names the one it worked on.
    await w.as('teacherOwner').call('PATCH', `/api/goals/${goal.id}`, 200, {
      json: { text: 'Students question each other’s reasoning.' },
    });
    const { body: year } = await w
      .as('coach')
      .call<TeacherYear>('GET', `/api/teachers/${w.users.teacherOwner.id}/year`, 200);
    expect(year.teacherName).toBe('Tina Teacher');
    expect(year.cycles).toEqual([
      expect.objectContaining({
        number: 1,
        focusCodeIds: ['SMQR'],
        goalIds: [goal.id],
        teacherNextStep: 'Wait five seconds.',
        stage: expect.any(String),
      }),
    ]);
    expect(year.goals.find((g) => g.id === goal.id)?.archivedAt).not.toBeNull();
    expect(year.goals).toHaveLength(2);
  });
});

/**
 * The matrix's world has no goal and no saved log version: here they are made first, then
 * every persona tries the routes that need them.
 */
describe('authorization on things the matrix world lacks', () => {
  const allowed = (ok: number): Record<Persona, number> => ({
    anonymous: 401,
    teacherOwner: ok,
    otherTeacher: 404,
    coach: ok,
    otherCoach: 404,
    admin: 404,
    foreignAdmin: 404,
  });
  const routes: Array<[string, (goalId: string) => [string, string, unknown?], number]> = [
    ['GET a log version', () => ['GET', `/api/cycles/${w.cycleId}/log/versions/1`], 200],
    ['PATCH a goal', (id) => ['PATCH', `/api/goals/${id}`, { text: 'Changed' }], 200],
    ['DELETE a goal', (id) => ['DELETE', `/api/goals/${id}`], 204],
  ];
  describe.each(routes)('%s', (_name, route, ok) => {
    it.each(PERSONAS)('as %s', async (persona) => {
      const goal = await addGoal('teacherOwner', 'STEXPL', 'Students explain.');
      const { body: log } = await w
        .as('coach')
        .call<{ fields: unknown }>('GET', `/api/cycles/${w.cycleId}/log`, 200);
      await w.as('coach').call('PUT', `/api/cycles/${w.cycleId}/log`, 200, {
        json: { baseVersion: 0, fields: log.fields },
      });
      const [method, path, json] = route(goal.id);
      await w.as(persona).call(method, path, allowed(ok)[persona], json ? { json } : {});
    });
  });
});
