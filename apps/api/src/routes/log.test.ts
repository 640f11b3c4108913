import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogFields, LogView } from '../domain/log';
import type { LogConflict } from '../domain/log-merge';
import { expectProblem } from '../testing/request';
import { createWorld, type World } from '../testing/world';

// The collaborative log on a real database: teacher and coach editing the same log at
// once, the merge, the conflict, kept versions, completion, and the exports.

type Saved = { log: LogView; mergedFields: string[] };
type Conflict = { code: string; current: LogView; conflicts: LogConflict[]; merged: LogFields };

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.api.close();
});

const logPath = () => `/api/cycles/${w.cycleId}/log`;
const read = async (persona: 'teacherOwner' | 'coach') =>
  (await w.as(persona).call<LogView>('GET', logPath(), 200)).body;
const save = <T = Saved>(
  persona: 'teacherOwner' | 'coach',
  baseVersion: number,
  fields: LogFields,
  status = 200,
) => w.as(persona).call<T>('PUT', logPath(), status, { json: { baseVersion, fields } });
const versionCount = async () =>
  (await w.as('coach').call<{ items: unknown[] }>('GET', `${logPath()}/versions`, 200)).body.items
    .length;

describe('the collaborative log', () => {
  it('starts from the cycle: its number, the lesson date, the focus codes', async () => {
    const log = await read('teacherOwner');
    expect(log).toMatchObject({ version: 0, number: 1, completedAt: null, updatedBy: null });
    expect(log.fields).toMatchObject({
      lessonDate: '2026-10-20',
      focusCodeIds: ['STEXPL'],
      highlights: '',
      links: [],
    });
  });

  it('merges two edits of different fields made from the same version', async () => {
    const [teacher, coach] = await Promise.all([read('teacherOwner'), read('coach')]);
    await save('teacherOwner', 0, { ...teacher.fields, highlights: 'Pairs explained why.' });
    const { body } = await save('coach', 0, {
      ...coach.fields,
      coachNextSteps: 'Find a stock clip on questioning.',
    });
    expect(body.log.version).toBe(2);
    expect(body.log.fields).toMatchObject({
      highlights: 'Pairs explained why.',
      coachNextSteps: 'Find a stock clip on questioning.',
    });
    expect(body.mergedFields).toEqual(['highlights']);
    const { body: versions } = await w
      .as('teacherOwner')
      .call<{ items: Array<{ version: number; authorName: string }> }>(
        'GET',
        `${logPath()}/versions`,
        200,
      );
    expect(versions.items.map((v) => [v.version, v.authorName])).toEqual([
      [2, 'Cole Coach'],
      [1, 'Tina Teacher'],
    ]);
  });

  it('loses neither of two saves sent at the same moment', async () => {
    const start = await read('coach');
    const results = await Promise.all([
      save('teacherOwner', 0, { ...start.fields, highlights: 'Teacher wrote this.' }),
      save('coach', 0, { ...start.fields, summary: 'Coach wrote this.' }),
    ]);
    expect(results.map((r) => r.body.log.version).sort()).toEqual([1, 2]);
    const log = await read('teacherOwner');
    expect(log.fields.highlights).toBe('Teacher wrote this.');
    expect(log.fields.summary).toBe('Coach wrote this.');
    expect(await versionCount()).toBe(2);
  });

  it('refuses a save that changed a field someone else changed since, and writes nothing', async () => {
    const start = await read('coach');
    const v1 = (await save('coach', 0, { ...start.fields, summary: 'First notes.' })).body.log;
    await save('teacherOwner', 1, { ...v1.fields, teacherNextStep: 'Use turn and talk.' });
    const { res, body } = await save<Conflict>(
      'coach',
      1,
      {
        ...v1.fields,
        teacherNextStep: 'Ask why after each answer.',
        highlights: 'Coach saw this.',
      },
      409,
    );
    expectProblem(res, body, 'log_conflict');
    expect(body.current.version).toBe(2);
    expect(body.current.fields.teacherNextStep).toBe('Use turn and talk.');
    expect(body.conflicts).toEqual([
      {
        field: 'teacherNextStep',
        base: '',
        mine: 'Ask why after each answer.',
        theirs: 'Use turn and talk.',
      },
    ]);
    // The coach's other change is kept in the merge the client is offered.
    expect(body.merged).toMatchObject({ highlights: 'Coach saw this.', summary: 'First notes.' });
    expect(await versionCount()).toBe(2);
    expect((await read('teacherOwner')).fields.highlights).toBe('');

    // The coach settles it (both steps kept) from the current version: saved as version 3.
    const resolved = {
      ...body.merged,
      teacherNextStep: 'Use turn and talk. Ask why after each answer.',
    };
    const { body: saved } = await save('coach', body.current.version, resolved);
    expect(saved.log.version).toBe(3);
    // Every earlier version can still be read.
    const { body: v2 } = await w
      .as('teacherOwner')
      .call<{ fields: LogFields; authorName: string }>('GET', `${logPath()}/versions/2`, 200);
    expect(v2).toMatchObject({
      authorName: 'Tina Teacher',
      fields: { teacherNextStep: 'Use turn and talk.' },
    });
  });

  it('merges links added by each person, and links only shared annotations of the lesson', async () => {
    const start = await read('coach');
    const momentLink = {
      id: 'link-a',
      field: 'highlights' as const,
      label: 'Pairs start',
      kind: 'moment' as const,
      atMs: 130_000,
    };
    await save('coach', 0, { ...start.fields, links: [momentLink] });
    const { body } = await save('teacherOwner', 0, {
      ...start.fields,
      links: [
        {
          id: 'link-b',
          field: 'summary',
          label: '',
          kind: 'annotation',
          annotationId: w.annotationId,
          atMs: 0,
        },
      ],
    });
    expect(body.log.fields.links.map((l) => l.id)).toEqual(['link-b', 'link-a']);
    // The annotation's own start is copied in.
    expect(body.log.fields.links[0]).toMatchObject({ atMs: 150_000 });

    const { res, body: problem } = await save(
      'coach',
      2,
      {
        ...body.log.fields,
        links: [
          {
            id: 'link-c',
            field: 'summary',
            label: 'Private',
            kind: 'annotation',
            annotationId: w.privateAnnotationId,
            atMs: 0,
          },
        ],
      },
      422,
    );
    expectProblem(res, problem, 'validation_failed');
    expect(await versionCount()).toBe(2);
  });

  it('keeps a saved link whose annotation was deleted since, as a link to its moment', async () => {
    const start = await read('coach');
    const link = {
      id: 'link-n',
      field: 'highlights' as const,
      label: 'Their ratio table',
      kind: 'annotation' as const,
      annotationId: w.annotationId,
      atMs: 0,
    };
    await save('coach', 0, { ...start.fields, links: [link] });
    await w.as('coach').call('DELETE', `/api/annotations/${w.annotationId}`, 204);

    // The teacher edits another field of the log read before the deletion: still saveable.
    const before = await read('teacherOwner');
    const { body } = await save('teacherOwner', before.version, {
      ...before.fields,
      teacherNextStep: 'Ask pairs to compare tables.',
    });
    expect(body.log.fields.links).toEqual([
      {
        id: 'link-n',
        field: 'highlights',
        label: 'Their ratio table',
        kind: 'moment',
        atMs: 150_000,
      },
    ]);
    expect(body.log.fields.teacherNextStep).toBe('Ask pairs to compare tables.');

    // A new link to the deleted annotation is still refused.
    await save(
      'coach',
      body.log.version,
      { ...body.log.fields, links: [{ ...link, id: 'link-o' }] },
      422,
    );
    expect(await versionCount()).toBe(2);
  });

  it('refuses unknown codes, goals of others and versions from the future, writing nothing', async () => {
    const start = await read('coach');
    await save('coach', 0, { ...start.fields, focusCodeIds: ['NOPE'] }, 422);
    await save('coach', 0, { ...start.fields, goalIds: ['someone-elses-goal'] }, 422);
    await save('coach', 5, start.fields, 422);
    const { res, body } = await w
      .as('coach')
      .call('PUT', logPath(), 422, { json: { baseVersion: 0, fields: { highlights: 1 } } });
    expectProblem(res, body, 'validation_failed');
    expect(await versionCount()).toBe(0);
  });

  it('completes the cycle, is read-only until reopened, and carries over to the next cycle', async () => {
    const start = await read('coach');
    await save('teacherOwner', 0, {
      ...start.fields,
      focusCodeIds: ['STEXPL', 'SMQR'],
      nextVideoDueOn: '2026-12-10',
      nextMeetingAt: '2026-12-15T17:00:00.000Z',
    });
    const { body: done } = await w
      .as('teacherOwner')
      .call<LogView>('POST', `${logPath()}/complete`, 200);
    expect(done.completedAt).not.toBeNull();
    const stage = async () =>
      (await w.as('coach').call<{ stage: string }>('GET', `/api/cycles/${w.cycleId}`, 200)).body
        .stage;
    expect(await stage()).toBe('log_complete');
    const { res, body } = await save('coach', 1, start.fields, 409);
    expectProblem(res, body, 'log_completed');

    await w.as('coach').call('POST', `${logPath()}/reopen`, 200);
    expect(await stage()).not.toBe('log_complete');
    await w.as('coach').call('POST', `${logPath()}/complete`, 200);

    const { body: next } = await w
      .as('coach')
      .call<{ number: number; focusCodeIds: string[]; videoDueOn: string; meetingAt: string }>(
        'POST',
        '/api/cycles',
        201,
        { json: { teacherId: w.users.teacherOwner.id } },
      );
    expect(next).toMatchObject({
      number: 2,
      focusCodeIds: ['STEXPL', 'SMQR'],
      videoDueOn: '2026-12-10',
      meetingAt: '2026-12-15T17:00:00.000Z',
    });
  });
});

describe('log exports', () => {
  it('writes Markdown in which script-like text stays text', async () => {
    const start = await read('coach');
    await save('coach', 0, {
      ...start.fields,
      highlights: '<script>alert(1)</script> and [click](javascript:alert(1))\n# not a heading',
      teacherNextStep: '1. Ask *why*',
      links: [{ id: 'l1', field: 'highlights', label: '<b>clip</b>', kind: 'clip', position: 1 }],
    });
    const { res, body } = await w
      .as('teacherOwner')
      .call<string>('GET', `${logPath()}/export.md`, 200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(body).toContain('# Coaching conversation #1');
    expect(body).toContain('Tina Teacher');
    expect(body).toContain('STEXPL: Students Provide Explanations');
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The brackets are escaped, so no link can form around the script URL.
    expect(body).toContain('\\[click\\](javascript:alert(1))');
    expect(body).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(body).toContain('\\# not a heading');
    expect(body).toContain('1\\. Ask \\*why\\*');
    expect(body).toContain(
      `- [&lt;b&gt;clip&lt;/b&gt;](<http://localhost/lessons/${w.readyLessonId}/clips/1>)`,
    );
  });

  it('gives the next meeting as an iCalendar event a calendar can read', async () => {
    const start = await read('coach');
    await save('coach', 0, {
      ...start.fields,
      teacherNextStep: 'Try "why?", then wait; count to five',
      nextMeetingAt: '2026-12-03T16:30:00.000Z',
    });
    const { res, body } = await w
      .as('teacherOwner')
      .call<string>('GET', `${logPath()}/next-meeting.ics`, 200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(body));
    const [vevent] = calendar.getAllSubcomponents('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`next-meeting-${w.cycleId}@localhost`);
    expect(event.summary).toBe('Coaching conversation #2: Tina Teacher and Cole Coach');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T17:30:00.000Z');
    expect(event.description).toContain('Try "why?", then wait; count to five');
  });

  it('says when there is no next meeting to export', async () => {
    const { res, body } = await w.as('coach').call('GET', `${logPath()}/next-meeting.ics`, 409);
    expectProblem(res, body, 'meeting_not_set');
  });
});
