import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { expectProblem } from '../testing/request';
import { createWorld, type World } from '../testing/world';

let world: World;
afterEach(() => world?.api.close());

const MIN = 60_000;
const MARKER = 'PRIVATE-PLANNING-9c1d';

/** The world's lesson, as if its 45-minute recording had been processed. */
async function readyWorld(): Promise<World> {
  world = await createWorld();
  await world.api.ctx.db
    .updateTable('lesson')
    .set({ state: 'ready', duration_ms: 45 * MIN })
    .where('id', '=', world.lessonId)
    .execute();
  return world;
}

const clip = (startMs: number, endMs: number) => ({
  startMs,
  endMs,
  summary: 'Pairs explain',
  reason: 'STEXPL evidence',
});
const note = (over: Record<string, unknown> = {}) => ({
  visibility: 'public',
  startMs: 5 * MIN,
  endMs: 6 * MIN,
  body: 'Students compare 3/4 and 2/3 on the number line.',
  codeIds: ['STEXPL', 'LINK'],
  teacherDoes: 'Asks “how do you know?”',
  ...over,
});

describe('clips', () => {
  it('the coach sets two clips; times are checked against the lesson; a third is refused', async () => {
    await readyWorld();
    const coach = world.as('coach');
    const path = `/api/lessons/${world.lessonId}/clips`;
    const { body } = await coach.call('PUT', `${path}/1`, 200, { json: clip(2 * MIN, 7 * MIN) });
    expect(body).toMatchObject({ position: 1, startMs: 2 * MIN, endMs: 7 * MIN, hint: null });
    const long = await coach.call('PUT', `${path}/2`, 200, { json: clip(10 * MIN, 25 * MIN) });
    expect(long.body).toMatchObject({
      hint: expect.stringMatching(/15 min; clips are usually about 5 min/),
    });
    for (const [times, field] of [
      [clip(7 * MIN, 7 * MIN), '$.endMs'],
      [clip(40 * MIN, 46 * MIN), '$.endMs'],
      [clip(46 * MIN, 47 * MIN), '$.startMs'],
    ] as const) {
      const { res, body: problem } = await coach.call('PUT', `${path}/1`, 422, { json: times });
      expectProblem(res, problem, 'validation_failed');
      expect(JSON.stringify(problem)).toContain(field);
    }
    await coach.call('PUT', `${path}/1`, 422, { json: { ...clip(0, MIN), startMs: -1 } });
    const third = await coach.call('PUT', `${path}/3`, 422, { json: clip(30 * MIN, 35 * MIN) });
    expect(JSON.stringify(third.body)).toContain('a lesson has two clips');
    const { body: timeline } = await world
      .as('teacherOwner')
      .call<{ clips: unknown[] }>('GET', `/api/lessons/${world.lessonId}/timeline`, 200);
    expect(timeline.clips).toHaveLength(2);
  });

  it('only the teacher’s current coach sets clips', async () => {
    await readyWorld();
    const path = `/api/lessons/${world.lessonId}/clips/1`;
    const teacher = await world
      .as('teacherOwner')
      .call('PUT', path, 403, { json: clip(0, 5 * MIN) });
    expectProblem(teacher.res, teacher.body, 'coach_only');
    await world.as('otherCoach').call('PUT', path, 404, { json: clip(0, 5 * MIN) });
    await world.as('otherTeacher').call('PUT', path, 404, { json: clip(0, 5 * MIN) });
  });
});

describe('annotations', () => {
  it('codes, times and visibility are validated; nothing is written on refusal', async () => {
    await readyWorld();
    const coach = world.as('coach');
    const path = `/api/lessons/${world.lessonId}/annotations`;
    await coach.call('POST', path, 422, { json: note({ codeIds: ['NOPE'] }) });
    await coach.call('POST', path, 422, { json: note({ startMs: 50 * MIN, endMs: null }) });
    await coach.call('POST', path, 422, { json: note({ visibility: 'secret' }) });
    await coach.call('POST', path, 422, { json: note({ startMs: Number.NaN }) });
    const { body } = await coach.call<{ annotations: unknown[] }>(
      'GET',
      `/api/lessons/${world.lessonId}/timeline`,
      200,
    );
    expect(body.annotations).toEqual([]);
  });

  it('private notes reach their author only; the teacher replies on public ones', async () => {
    await readyWorld();
    const coach = world.as('coach');
    const path = `/api/lessons/${world.lessonId}/annotations`;
    const { body: pub } = await coach.call<{ id: string }>('POST', path, 201, { json: note() });
    const { body: priv } = await coach.call<{ id: string }>('POST', path, 201, {
      json: note({
        visibility: 'private',
        body: `${MARKER}: ask about wait time`,
        startMs: 8 * MIN,
        endMs: null,
      }),
    });
    const teacher = world.as('teacherOwner');
    const { body: seen } = await teacher.call<{ annotations: Array<{ id: string }> }>(
      'GET',
      `/api/lessons/${world.lessonId}/timeline`,
      200,
    );
    expect(seen.annotations.map((a) => a.id)).toEqual([pub.id]);
    for (const format of ['csv', 'vtt', 'jsonld']) {
      const { body: exported } = await teacher.call(
        'GET',
        `/api/lessons/${world.lessonId}/annotations/export/${format}`,
        200,
      );
      expect(
        String(typeof exported === 'string' ? exported : JSON.stringify(exported)),
      ).not.toContain(MARKER);
    }
    await teacher.call('POST', `/api/annotations/${priv.id}/replies`, 404, {
      json: { body: 'hm' },
    });
    await teacher.call('PATCH', `/api/annotations/${priv.id}`, 404, { json: note() });
    // the coach's own view has both; after the teacher moves to another coach, neither coach sees the note
    const { body: coachView } = await coach.call<{ annotations: unknown[] }>(
      'GET',
      `/api/lessons/${world.lessonId}/timeline`,
      200,
    );
    expect(coachView.annotations).toHaveLength(2);
    const { body: replied } = await teacher.call<{
      replies: Array<{ body: string; authorName: string }>;
    }>('POST', `/api/annotations/${pub.id}/replies`, 201, {
      json: { body: 'I noticed that too!' },
    });
    expect(replied.replies).toEqual([
      expect.objectContaining({ body: 'I noticed that too!', authorName: 'Tina Teacher' }),
    ]);
    await coach.call('POST', `/api/annotations/${pub.id}/replies`, 201, {
      json: { body: 'Great — let’s talk about it.' },
    });
    await world.as('admin').call('PUT', `/api/caseloads/${world.users.teacherOwner.id}`, 200, {
      json: { coachId: world.users.otherCoach.id },
    });
    const { body: newCoach } = await world
      .as('otherCoach')
      .call<{ annotations: Array<{ body: string }> }>(
        'GET',
        `/api/lessons/${world.lessonId}/timeline`,
        200,
      );
    expect(JSON.stringify(newCoach)).not.toContain(MARKER);
    expect(newCoach.annotations).toHaveLength(1);
    await coach.call('GET', `/api/lessons/${world.lessonId}/timeline`, 404);
  });

  it('authors edit and delete their own; nobody else can', async () => {
    await readyWorld();
    const path = `/api/lessons/${world.lessonId}/annotations`;
    const { body } = await world
      .as('coach')
      .call<{ id: string }>('POST', path, 201, { json: note() });
    await world.as('teacherOwner').call('DELETE', `/api/annotations/${body.id}`, 404);
    const { body: edited } = await world
      .as('coach')
      .call('PATCH', `/api/annotations/${body.id}`, 200, {
        json: note({ body: 'Edited', codeIds: ['SMQR'] }),
      });
    expect(edited).toMatchObject({ body: 'Edited', codeIds: ['SMQR'] });
    const { body: reply } = await world
      .as('teacherOwner')
      .call<{ replies: Array<{ id: string }> }>(
        'POST',
        `/api/annotations/${body.id}/replies`,
        201,
        { json: { body: 'mine' } },
      );
    const replyId = reply.replies[0]?.id as string;
    await world
      .as('coach')
      .call('PATCH', `/api/replies/${replyId}`, 404, { json: { body: 'not yours' } });
    await world
      .as('teacherOwner')
      .call('PATCH', `/api/replies/${replyId}`, 200, { json: { body: 'mine, edited' } });
    await world.as('teacherOwner').call('DELETE', `/api/replies/${replyId}`, 204);
    await world.as('coach').call('DELETE', `/api/annotations/${body.id}`, 204);
    await world.as('coach').call('DELETE', `/api/annotations/${body.id}`, 404);
  });
});

describe('exports parse back', () => {
  it('CSV, WebVTT and W3C Web Annotation JSON-LD carry codes and replies', async () => {
    await readyWorld();
    const coach = world.as('coach');
    const path = `/api/lessons/${world.lessonId}/annotations`;
    const { body: a } = await coach.call<{ id: string }>('POST', path, 201, {
      json: note({ body: 'Line one, "quoted"\n=SUM(A1)' }),
    });
    await coach.call('POST', path, 201, {
      json: note({
        startMs: 65_500,
        endMs: null,
        codeIds: ['TCD'],
        body: 'Point <b>note</b> --> arrow',
      }),
    });
    await world
      .as('teacherOwner')
      .call('POST', `/api/annotations/${a.id}/replies`, 201, { json: { body: 'Thanks' } });
    const base = `/api/lessons/${world.lessonId}/annotations/export`;

    const { body: csv, res } = await coach.call<string>('GET', `${base}/csv`, 200);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="elevate-annotations-2026-11-02.csv"/,
    );
    const rows = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ start: '1:05.500', codes: 'TCD', end: '' });
    expect(rows[1]).toMatchObject({ codes: 'STEXPL LINK', replies: 'Tina Teacher: Thanks' });
    expect(rows[1]?.body).toBe('Line one, "quoted"\n=SUM(A1)'); // quotes, comma and newline survive

    const { body: vtt } = await coach.call<string>('GET', `${base}/vtt`, 200);
    const parsed = new WebVTTParser().parse(vtt, 'metadata');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => [c.startTime, c.endTime])).toEqual([
      [65.5, 70.5],
      [300, 360],
    ]);
    expect(parsed.cues[0]?.text).toContain('TCD · Task Cognitive Demand');
    expect(parsed.cues[0]?.text).toContain('&lt;b&gt;');
    expect(parsed.cues[1]?.text).toContain('↳ Tina Teacher: Thanks');

    const { body: doc } = await coach.call<{
      '@context': string;
      type: string;
      first: {
        items: Array<{
          id: string;
          type: string;
          motivation: string;
          body: Array<{ purpose: string; value: string }>;
          target: { source: string; selector: { type: string; value: string } };
        }>;
      };
    }>('GET', `${base}/jsonld`, 200);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    for (const item of doc.first.items) {
      expect(item.id).toMatch(/^http:\/\/localhost\/annotations\//);
      expect(item.type).toBe('Annotation');
      expect(item.target.source).toBe(`http://localhost/lessons/${world.lessonId}`);
      expect(item.target.selector.type).toBe('FragmentSelector');
    }
    expect(doc.first.items.map((i) => i.target.selector.value)).toEqual(['t=65.5', 't=300,360']);
    expect(
      doc.first.items[1]?.body.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    ).toEqual(['STEXPL', 'LINK']);
  });
});

describe('transcript and watching', () => {
  it('takes WebVTT and SRT, with speakers; refuses what is neither', async () => {
    await readyWorld();
    const teacher = world.as('teacherOwner');
    const path = `/api/lessons/${world.lessonId}/transcript`;
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Ms. Lee>Who can explain?\n\n00:00:05.000 --> 00:00:07.000\n<v Student>Because 3/4 is bigger.\n';
    const { body } = await teacher.call('PUT', path, 200, {
      body: vtt,
      headers: { 'content-type': 'text/vtt' },
    });
    expect(body).toMatchObject({
      format: 'vtt',
      cues: [
        { startMs: 1000, endMs: 4500, speaker: 'Ms. Lee', text: 'Who can explain?' },
        { speaker: 'Student' },
      ],
    });
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nTeacher: Look here.\n\n2\n00:01:00,250 --> 00:01:03,000\nOK\n';
    const { body: fromSrt } = await world
      .as('coach')
      .call('PUT', path, 200, { body: srt, headers: { 'content-type': 'application/x-subrip' } });
    expect(fromSrt).toMatchObject({
      format: 'srt',
      cues: [{ speaker: 'Teacher', text: 'Look here.' }, { startMs: 60_250 }],
    });
    await teacher.call('PUT', path, 422, {
      body: 'just some notes',
      headers: { 'content-type': 'text/plain' },
    });
    await teacher.call('PUT', path, 415, {
      body: srt,
      headers: { 'content-type': 'application/json' },
    });
    await world
      .as('otherTeacher')
      .call('PUT', path, 404, { body: srt, headers: { 'content-type': 'text/vtt' } });
    const { body: kept } = await world.as('coach').call('GET', path, 200);
    expect(kept).toMatchObject({ transcript: { format: 'srt' } });
  });

  it('records the seconds the teacher actually watched; the coach sees it per clip', async () => {
    await readyWorld();
    await world
      .as('coach')
      .call('PUT', `/api/lessons/${world.lessonId}/clips/1`, 200, { json: clip(2 * MIN, 7 * MIN) });
    await world.as('coach').call('PUT', `/api/lessons/${world.lessonId}/clips/2`, 200, {
      json: clip(20 * MIN, 25 * MIN),
    });
    const teacher = world.as('teacherOwner');
    const path = `/api/lessons/${world.lessonId}/watched`;
    await teacher.call('POST', path, 200, { json: { intervals: [[2 * MIN, 4 * MIN]] } });
    await teacher.call('POST', path, 200, {
      json: {
        intervals: [
          [3 * MIN, 5 * MIN],
          [20 * MIN, 25 * MIN],
        ],
      },
    });
    await teacher.call('POST', path, 422, { json: { intervals: [[5 * MIN, 4 * MIN]] } });
    const { body } = await world.as('coach').call('GET', path, 200);
    expect(body).toMatchObject({
      clips: [
        { position: 1, watchedMs: 3 * MIN, percent: 60 },
        { position: 2, watchedMs: 5 * MIN, percent: 100 },
      ],
    });
    await world.as('otherCoach').call('GET', path, 404);
  });
});
