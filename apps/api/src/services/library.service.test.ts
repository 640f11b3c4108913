import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from '../testing/request';
import { createWorld, type World } from '../testing/world';

let world: World;
// The world's template is built once per file, slowly; each test then copies it.
beforeAll(async () => {
  await (await createWorld()).api.close();
}, 60_000);
afterEach(() => world?.api.close());
vi.setConfig({ testTimeout: 20_000 });

interface ClipBody {
  id: string;
  title: string;
  codeIds: string[];
  video: { lessonId: string; state: string } | null;
  masterScores: Array<{ codeId: string; level: string; rationale: string }> | null;
  cycleCount: number | null;
}

const RATIONALE = 'Two pairs justify their strategy to the class without prompting.';
const newClip = {
  pseudonym: 'Mr. Okafor',
  title: 'Arrays for 6 × 7',
  grade: '3',
  topic: 'Multiplication',
  description: 'Students build arrays with tiles and compare them.',
  codeIds: ['STEXPL', 'MAJERR'],
  masterScores: [
    { codeId: 'STEXPL', level: 'mid', rationale: RATIONALE },
    { codeId: 'MAJERR', level: 'low', rationale: 'One slip with the commutative property.' },
  ],
};

async function clipCount(w: World) {
  const rows = await w.api.ctx.db.selectFrom('stock_clip').select('id').execute();
  const masters = await w.api.ctx.db.selectFrom('master_score').select('code_id').execute();
  return { clips: rows.length, masters: masters.length };
}

describe('the stock-clip library', () => {
  it('lets admins add clips with master scores, and refuses bad ones writing nothing', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    const before = await clipCount(world);
    for (const [body, path] of [
      [{ ...newClip, codeIds: ['STEXPL', 'NOPE'] }, '$.codeIds[1]'],
      [
        { ...newClip, masterScores: [{ codeId: 'STEXPL', level: 'mid-high', rationale: 'x' }] },
        '$.masterScores[0].level',
      ],
      [
        { ...newClip, masterScores: [{ codeId: 'SMQR', level: 'mid', rationale: 'x' }] },
        '$.masterScores[0].codeId',
      ],
      [{ ...newClip, title: '   ' }, '$.title'],
    ] as const) {
      const { res, body: problem } = await admin.call<{ errors: Array<{ path: string }> }>(
        'POST',
        '/api/stock-clips',
        422,
        { json: body },
      );
      expectProblem(res, problem, 'validation_failed');
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    expect(await clipCount(world)).toEqual(before);

    const { body: created } = await admin.call<ClipBody>('POST', '/api/stock-clips', 201, {
      json: newClip,
    });
    expect(created).toMatchObject({ title: 'Arrays for 6 × 7', video: null, cycleCount: 0 });
    expect(created.masterScores).toEqual(newClip.masterScores);
    // Coaches and teachers may not add to the library.
    await world.as('coach').call('POST', '/api/stock-clips', 403, { json: newClip });
    expect(await clipCount(world)).toEqual({ clips: before.clips + 1, masters: 2 });
  });

  it('is searched by words, grade and code', async () => {
    world = await createWorld();
    await world.as('admin').call('POST', '/api/stock-clips', 201, { json: newClip });
    const coach = world.as('coach');
    const titles = async (query: string) =>
      (
        await coach.call<{ items: ClipBody[] }>('GET', `/api/stock-clips${query}`, 200)
      ).body.items.map((c) => c.title);
    expect(await titles('')).toEqual(['Arrays for 6 × 7', 'Sharing strategies for 48 ÷ 4']);
    expect(await titles('?q=TILES%20arrays')).toEqual(['Arrays for 6 × 7']);
    expect(await titles('?q=rivera')).toEqual(['Sharing strategies for 48 ÷ 4']);
    expect(await titles('?grade=4')).toEqual(['Sharing strategies for 48 ÷ 4']);
    expect(await titles('?code=MAJERR')).toEqual(['Arrays for 6 × 7']);
    expect(await titles('?code=STEXPL&grade=3')).toEqual(['Arrays for 6 × 7']);
    expect(await titles('?q=geometry')).toEqual([]);
  });

  it('shows master scores to admins and coaches, to a teacher only after submitting', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    await admin.call('PATCH', `/api/stock-clips/${world.stockClipId}`, 200, {
      json: {
        masterScores: [
          { codeId: 'STEXPL', level: 'high', rationale: RATIONALE },
          { codeId: 'SMQR', level: 'low', rationale: 'One question, answered by the teacher.' },
        ],
      },
    });
    // The raw JSON, so the test sees exactly what left the server.
    const fetchText = async (persona: 'admin' | 'coach' | 'teacherOwner' | 'otherTeacher') => {
      const cookie = world.cookies[persona];
      const res = await world.api.app.request(`/api/stock-clips/${world.stockClipId}`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    expect(await fetchText('admin')).toContain(RATIONALE);
    expect(await fetchText('coach')).toContain(RATIONALE);
    for (const persona of ['teacherOwner', 'otherTeacher'] as const) {
      const body = await fetchText(persona);
      expect(body).not.toContain(RATIONALE);
      expect(body).not.toContain('"rationale"');
      expect(JSON.parse(body)).toMatchObject({ masterScores: null, cycleCount: null });
    }
    // The list never carries them, for anyone.
    const list = await world.api.app.request('/api/stock-clips', {
      headers: { cookie: world.cookies.coach },
    });
    expect(await list.text()).not.toContain(RATIONALE);

    // A draft reveals nothing; the submission does, for that teacher only.
    const teacher = world.as('teacherOwner');
    const scores = [
      { codeId: 'STEXPL', level: 'mid', reason: 'Students explain, briefly.' },
      { codeId: 'SMQR', level: 'low', reason: 'Few student questions.' },
    ];
    await teacher.call('PUT', `/api/cycles/${world.cycleId}/stock-scores`, 200, {
      json: { scores, submit: false },
    });
    expect(await fetchText('teacherOwner')).not.toContain(RATIONALE);
    await teacher.call('PUT', `/api/cycles/${world.cycleId}/stock-scores`, 200, {
      json: { scores, submit: true },
    });
    expect(await fetchText('teacherOwner')).toContain(RATIONALE);
    expect(await fetchText('otherTeacher')).not.toContain(RATIONALE);
  });

  it('edits clips, and deletes only those no cycle uses (after the API confirms)', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    const { body: created } = await admin.call<ClipBody>('POST', '/api/stock-clips', 201, {
      json: newClip,
    });
    // Dropping a code with a master score is refused until its score goes too.
    const { res, body } = await admin.call('PATCH', `/api/stock-clips/${created.id}`, 422, {
      json: { codeIds: ['STEXPL'] },
    });
    expectProblem(res, body, 'validation_failed');
    const { body: edited } = await admin.call<ClipBody>(
      'PATCH',
      `/api/stock-clips/${created.id}`,
      200,
      { json: { codeIds: ['STEXPL'], masterScores: [newClip.masterScores[0]], title: 'Arrays' } },
    );
    expect(edited).toMatchObject({ title: 'Arrays', codeIds: ['STEXPL'] });
    expect(edited.masterScores).toHaveLength(1);
    await world.as('coach').call('DELETE', `/api/stock-clips/${created.id}`, 403);
    await admin.call('DELETE', `/api/stock-clips/${created.id}`, 204);
    await admin.call('GET', `/api/stock-clips/${created.id}`, 404);
    expect(
      await world.api.ctx.db
        .selectFrom('master_score')
        .select('code_id')
        .where('stock_clip_id', '=', created.id)
        .execute(),
    ).toEqual([]);

    const used = await admin.call('DELETE', `/api/stock-clips/${world.stockClipId}`, 409);
    expectProblem(used.res, used.body, 'stock_clip_in_use');
    await admin.call('GET', `/api/stock-clips/${world.stockClipId}`, 200);
  });
});

describe("a stock clip's video", () => {
  it('goes through the lesson upload pipeline, playable by every member, listed as nobody’s lesson', async () => {
    world = await createWorld();
    const admin = world.as('admin');
    const { ctx } = world.api;
    await ctx.repositories.programs.updateSettings(world.programId, { adminLessonAccess: true });
    const { body: started } = await admin.call<{ lessonId: string }>(
      'POST',
      `/api/stock-clips/${world.stockClipId}/video`,
      201,
    );
    // Asking again hands back the same waiting lesson.
    const { body: again } = await admin.call<{ lessonId: string }>(
      'POST',
      `/api/stock-clips/${world.stockClipId}/video`,
      200,
    );
    expect(again.lessonId).toBe(started.lessonId);
    const lessonId = started.lessonId;
    const file = { fileName: 'clip.mp4', size: 1000, contentType: 'video/mp4' };
    await world.as('teacherOwner').call('POST', `/api/lessons/${lessonId}/upload`, 404, {
      json: file,
    });
    await world.as('coach').call('POST', `/api/lessons/${lessonId}/upload`, 404, { json: file });
    await admin.call('POST', `/api/lessons/${lessonId}/upload`, 201, { json: file });

    // The media worker's result, as it would leave it.
    await ctx.storage.put(`lessons/${lessonId}/original/x`, Buffer.from('video'), 'video/mp4');
    await ctx.repositories.media.upsert({
      lessonId,
      kind: 'original',
      storageKey: `lessons/${lessonId}/original/x`,
      contentType: 'video/mp4',
      sizeBytes: 5,
      meta: null,
    });
    await ctx.repositories.lessons.update(lessonId, { state: 'ready', durationMs: 90_000 });

    for (const persona of [
      'teacherOwner',
      'otherTeacher',
      'coach',
      'otherCoach',
      'admin',
    ] as const) {
      const { body } = await world
        .as(persona)
        .call<{ video: { url: string } | null }>('GET', `/api/lessons/${lessonId}/media`, 200);
      expect(body.video?.url, persona).toBeTruthy();
      const { body: lessons } = await world
        .as(persona)
        .call<{ items: Array<{ id: string }> }>('GET', '/api/lessons', 200);
      expect(
        lessons.items.map((l) => l.id),
        persona,
      ).not.toContain(lessonId);
    }
    await world.as('foreignAdmin').call('GET', `/api/lessons/${lessonId}/media`, 404);
    // Nobody but the program's admins changes or deletes it.
    await world.as('teacherOwner').call('DELETE', `/api/lessons/${lessonId}`, 404);
    await world.as('coach').call('PATCH', `/api/lessons/${lessonId}`, 404, {
      json: { title: 'Mine now' },
    });
    const { body: clip } = await world
      .as('coach')
      .call<ClipBody>('GET', `/api/stock-clips/${world.stockClipId}`, 200);
    expect(clip.video).toMatchObject({ lessonId, state: 'ready' });

    // The program's retention rule is about teachers' recordings, not the library.
    await ctx.repositories.programs.updateSettings(world.programId, { retentionDays: 1 });
    await ctx.repositories.lessons.update(lessonId, { taughtOn: '2020-01-01' });
    await ctx.services.lessons.applyRetention();
    expect(await ctx.repositories.lessons.findById(lessonId)).toBeDefined();

    // A new video replaces the old, whose lesson and files go.
    const { body: replaced } = await admin.call<{ lessonId: string }>(
      'POST',
      `/api/stock-clips/${world.stockClipId}/video`,
      201,
    );
    expect(replaced.lessonId).not.toBe(lessonId);
    expect(await ctx.repositories.lessons.findById(lessonId)).toBeUndefined();
    expect(await ctx.repositories.media.listForLesson(lessonId)).toEqual([]);
  });
});
