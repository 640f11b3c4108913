import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from '../testing/request';
import { createWorld, type World } from '../testing/world';

let world: World;
beforeAll(async () => {
  await (await createWorld()).api.close();
}, 60_000);
afterEach(() => world?.api.close());
vi.setConfig({ testTimeout: 20_000 });

interface ScoresBody {
  status: 'none' | 'draft' | 'submitted';
  isRevealed: boolean;
  mayScore: boolean;
  clip: { id: string; title: string } | null;
  codes: Array<{
    codeId: string;
    score: { level: string; reason: string } | null;
    master: { level: string; rationale: string } | null;
    agreement: { kind: string; distance: number; qualityDelta: number } | null;
  }>;
  tally: { exact: number; adjacent: number; off: number; compared: number } | null;
}

interface CalibrationBody {
  cycles: Array<{
    number: number;
    codes: Array<{ codeId: string; agreement: { kind: string } | null }>;
    tally: { exact: number; adjacent: number; off: number; compared: number };
  }>;
  totals: { exact: number; adjacent: number; off: number; compared: number };
  byCode: Array<{ codeId: string; exact: number; adjacent: number; off: number }>;
}

const SECRET = 'Masters: the teacher revoices; students barely explain.';

/** Gives the world's clip a third, inverted code and master scores, and assigns all three. */
async function prepare(w: World) {
  await w.as('admin').call('PATCH', `/api/stock-clips/${w.stockClipId}`, 200, {
    json: {
      codeIds: ['STEXPL', 'SMQR', 'MAJERR'],
      masterScores: [
        { codeId: 'STEXPL', level: 'low', rationale: SECRET },
        { codeId: 'SMQR', level: 'mid', rationale: 'Students pose one conjecture.' },
        { codeId: 'MAJERR', level: 'not-present', rationale: 'No content errors.' },
      ],
    },
  });
  await w.as('coach').call('PATCH', `/api/cycles/${w.cycleId}`, 200, {
    json: { stockCodeIds: ['STEXPL', 'SMQR', 'MAJERR'] },
  });
}

const path = (w: World) => `/api/cycles/${w.cycleId}/stock-scores`;
/** The answer as raw text: what the teacher's browser could read, whatever the UI shows. */
async function rawScores(w: World, persona: 'teacherOwner' | 'coach') {
  const res = await w.api.app.request(path(w), { headers: { cookie: w.cookies[persona] } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('stock-clip scoring in a cycle', () => {
  it('keeps master scores from the teacher until they submit, then compares code by code', async () => {
    world = await createWorld();
    await prepare(world);
    const teacher = world.as('teacherOwner');
    const coach = world.as('coach');

    const before = await rawScores(world, 'teacherOwner');
    expect(before).not.toContain(SECRET);
    expect(before).not.toContain('"rationale"');
    const fresh = JSON.parse(before) as ScoresBody;
    expect(fresh).toMatchObject({ status: 'none', isRevealed: false, mayScore: true });
    expect(fresh.codes.map((c) => [c.codeId, c.master])).toEqual([
      ['STEXPL', null],
      ['SMQR', null],
      ['MAJERR', null],
    ]);
    // The coach sees the master scores from the start.
    expect(await rawScores(world, 'coach')).toContain(SECRET);

    // A draft: saved, still hidden from the coach, still no masters for the teacher.
    const draft = [{ codeId: 'STEXPL', level: 'mid', reason: '' }];
    const { body: saved } = await teacher.call<ScoresBody>('PUT', path(world), 200, {
      json: { scores: draft, submit: false },
    });
    expect(saved).toMatchObject({ status: 'draft', isRevealed: false });
    expect(saved.codes[0]?.score).toEqual({ level: 'mid', reason: '' });
    expect(await rawScores(world, 'teacherOwner')).not.toContain(SECRET);
    const { body: coachView } = await coach.call<ScoresBody>('GET', path(world), 200);
    expect(coachView.status).toBe('draft');
    expect(coachView.codes.every((c) => c.score === null)).toBe(true);

    // Submitting needs every code with a reason; a refused submission changes nothing.
    const incomplete = await teacher.call<{ errors: Array<{ path: string; reason: string }> }>(
      'PUT',
      path(world),
      422,
      { json: { scores: [{ codeId: 'STEXPL', level: 'mid', reason: '' }], submit: true } },
    );
    expectProblem(incomplete.res, incomplete.body, 'validation_failed');
    expect(incomplete.body.errors.map((e) => e.path)).toEqual([
      '$.scores[0].reason',
      '$.scores',
      '$.scores',
    ]);
    const { body: unchanged } = await teacher.call<ScoresBody>('GET', path(world), 200);
    expect(unchanged.status).toBe('draft');
    await teacher.call('PUT', path(world), 422, {
      json: { scores: [{ codeId: 'TCD', level: 'mid', reason: 'Not assigned' }], submit: false },
    });

    const { body: submitted } = await teacher.call<ScoresBody>('PUT', path(world), 200, {
      json: {
        submit: true,
        scores: [
          { codeId: 'STEXPL', level: 'low', reason: 'Only two students explain.' },
          { codeId: 'SMQR', level: 'high', reason: 'Many questions.' },
          // Inverted scale: "high" means many errors, the masters saw none.
          { codeId: 'MAJERR', level: 'mid', reason: 'The teacher misspoke twice.' },
        ],
      },
    });
    expect(submitted).toMatchObject({ status: 'submitted', isRevealed: true, mayScore: false });
    expect(submitted.codes.map((c) => [c.codeId, c.master?.level, c.agreement?.kind])).toEqual([
      ['STEXPL', 'low', 'exact'],
      ['SMQR', 'mid', 'adjacent'],
      ['MAJERR', 'not-present', 'off'],
    ]);
    // Seeing more errors than the masters is judging the quality lower.
    expect(submitted.codes[2]?.agreement).toEqual({ kind: 'off', distance: 2, qualityDelta: -2 });
    expect(submitted.codes[1]?.agreement?.qualityDelta).toBe(1);
    expect(submitted.tally).toEqual({ exact: 1, adjacent: 1, off: 1, compared: 3 });
    expect(await rawScores(world, 'teacherOwner')).toContain(SECRET);

    // Submitted scores are fixed.
    const again = await teacher.call('PUT', path(world), 409, {
      json: {
        scores: [{ codeId: 'STEXPL', level: 'high', reason: 'Changed my mind' }],
        submit: true,
      },
    });
    expectProblem(again.res, again.body, 'scores_submitted');
    const { body: coachAfter } = await coach.call<ScoresBody>('GET', path(world), 200);
    expect(coachAfter.codes[0]?.score).toEqual({
      level: 'low',
      reason: 'Only two students explain.',
    });
  });

  it('is the teacher’s alone to write, and waits for the coach to choose a clip', async () => {
    world = await createWorld();
    const body = { scores: [{ codeId: 'STEXPL', level: 'mid', reason: 'x' }], submit: false };
    const denied = await world.as('coach').call('PUT', path(world), 403, { json: body });
    expectProblem(denied.res, denied.body, 'forbidden');
    await world.as('otherTeacher').call('PUT', path(world), 404, { json: body });
    const rows = await world.api.ctx.db.selectFrom('stock_score').selectAll().execute();
    expect(rows).toEqual([]);

    const { body: next } = await world
      .as('coach')
      .call<{ id: string }>('POST', '/api/cycles', 201, {
        json: { teacherId: world.users.teacherOwner.id },
      });
    const none = await world
      .as('teacherOwner')
      .call('PUT', `/api/cycles/${next.id}/stock-scores`, 409, { json: body });
    expectProblem(none.res, none.body, 'no_stock_clip');
    const { body: empty } = await world
      .as('teacherOwner')
      .call<ScoresBody>('GET', `/api/cycles/${next.id}/stock-scores`, 200);
    expect(empty).toMatchObject({ clip: null, codes: [], mayScore: false, status: 'none' });
  });
});

describe('calibration over time', () => {
  it('gives agreement per cycle and code, from submitted scores only', async () => {
    world = await createWorld();
    await prepare(world);
    const teacher = world.as('teacherOwner');
    const coach = world.as('coach');
    const calibrationPath = `/api/teachers/${world.users.teacherOwner.id}/calibration`;
    const { body: empty } = await teacher.call<CalibrationBody>('GET', calibrationPath, 200);
    expect(empty).toMatchObject({ cycles: [], totals: { compared: 0 } });

    await teacher.call('PUT', path(world), 200, {
      json: {
        submit: true,
        scores: [
          { codeId: 'STEXPL', level: 'mid', reason: 'a' },
          { codeId: 'SMQR', level: 'mid', reason: 'b' },
          { codeId: 'MAJERR', level: 'high', reason: 'c' },
        ],
      },
    });
    // Cycle 2 scores the same clip on one code, only as a draft so far.
    const { body: next } = await coach.call<{ id: string }>('POST', '/api/cycles', 201, {
      json: { teacherId: world.users.teacherOwner.id },
    });
    await coach.call('PATCH', `/api/cycles/${next.id}`, 200, {
      json: { stockClipId: world.stockClipId, stockCodeIds: ['STEXPL'] },
    });
    const cycle2 = `/api/cycles/${next.id}/stock-scores`;
    const one = [{ codeId: 'STEXPL', level: 'low', reason: 'Better now.' }];
    await teacher.call('PUT', cycle2, 200, { json: { scores: one, submit: false } });
    const { body: mid } = await coach.call<CalibrationBody>('GET', calibrationPath, 200);
    expect(mid.cycles.map((c) => c.number)).toEqual([1]);

    await teacher.call('PUT', cycle2, 200, { json: { scores: one, submit: true } });
    const { body } = await coach.call<CalibrationBody>('GET', calibrationPath, 200);
    expect(body.cycles.map((c) => [c.number, c.tally])).toEqual([
      [1, { exact: 1, adjacent: 1, off: 1, compared: 3 }],
      [2, { exact: 1, adjacent: 0, off: 0, compared: 1 }],
    ]);
    expect(body.cycles[0]?.codes.map((c) => [c.codeId, c.agreement?.kind])).toEqual([
      ['STEXPL', 'adjacent'],
      ['SMQR', 'exact'],
      ['MAJERR', 'off'],
    ]);
    expect(body.totals).toEqual({ exact: 2, adjacent: 1, off: 1, compared: 4 });
    expect(body.byCode.find((c) => c.codeId === 'STEXPL')).toMatchObject({
      exact: 1,
      adjacent: 1,
      off: 0,
    });

    // Admins read it only when the program lets them open lesson content.
    await world.as('admin').call('GET', calibrationPath, 404);
    await world.api.ctx.repositories.programs.updateSettings(world.programId, {
      adminLessonAccess: true,
    });
    await world.as('admin').call('GET', calibrationPath, 200);
    // Nobody's calibration but a teacher's.
    await coach.call('GET', `/api/teachers/${world.users.coach.id}/calibration`, 404);
  });
});
