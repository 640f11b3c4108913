import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_LOG, type LogFields } from '../domain/log';
import { Agent } from '../testing/agent';
import { createTestApi, type TestApi } from '../testing/test-api';
import { DemoService } from './demo.service';
import { DEMO_PROGRAM } from './setup.service';

const DEMO_FILE = fileURLToPath(new URL('../../../../infra/demo/demo-lesson.mp4', import.meta.url));

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const signIn = (a: TestApi, who: string) =>
  new Agent(a.app).signIn(`${who}@demo.elevate.test`, DEMO_PROGRAM.password);

describe('demo cycles', () => {
  it('seeds what the dashboards show: a finished cycle 1, an assigned cycle 2, goals, and a teacher awaiting video', {
    timeout: 60_000,
  }, async () => {
    api = await createTestApi();
    const seeded = await api.ctx.services.setup.seedDemo();
    if (!seeded) throw new Error('the demo program was not seeded');
    const [, coachId, teacherId] = seeded.ids as [string, string, string, string];
    const programId = seeded.program.id;
    // The demo's own instance, given the database its cycle rows are written with.
    const demo = new DemoService({
      ...api.ctx.repositories,
      db: api.ctx.db,
      storage: api.ctx.storage,
    });
    const lessonId = await demo.seedLesson(programId, teacherId, coachId, DEMO_FILE);
    // Seeding again adds nothing.
    await demo.seedCycles(programId, coachId, teacherId, lessonId as string);

    const coach = await signIn(api, 'coach');
    const { body: caseload } = await coach.call<{
      items: Array<{
        teacher: { name: string };
        cycleCount: number;
        current: { number: number; stage: string; videoDueOn: string | null; meetingAt: string };
        attention: { reason: string };
      }>;
    }>('GET', '/api/dashboard/coach', 200);
    const byName = new Map(caseload.items.map((e) => [e.teacher.name, e]));
    expect(byName.get('Theo Teacher')).toMatchObject({
      cycleCount: 2,
      current: { number: 2, stage: 'assigned', lessonId },
    });
    const tess = byName.get('Tess Teacher');
    expect(tess).toMatchObject({
      cycleCount: 1,
      current: { number: 1, stage: 'awaiting_video' },
      attention: { reason: 'awaiting_video' },
    });
    expect(tess?.current.videoDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tess?.current.videoDueOn && tess.current.videoDueOn > new Date().toISOString()).toBe(
      true,
    );

    const teacher = await signIn(api, 'teacher');
    const { body: home } = await teacher.call<{
      current: { id: string; stockClipId: string; stockCodeIds: string[]; assignedAt: string };
      todo: Array<{ kind: string; isDone: boolean }>;
      history: Array<{ id: string; number: number; stage: string; goalIds: string[] }>;
    }>('GET', '/api/dashboard/teacher', 200);
    expect(home.todo.map((t) => [t.kind, t.isDone])).toEqual([
      ['watch_clip_1', false],
      ['watch_clip_2', false],
      ['score_stock', false],
      ['meeting', false],
    ]);
    expect(home.current.stockCodeIds).toEqual(['STEXPL', 'SMQR']);
    expect(home.history.map((c) => [c.number, c.stage])).toEqual([[1, 'log_complete']]);
    expect(home.history[0]?.goalIds).toHaveLength(2);

    const { db } = api.ctx;
    const first = home.history[0]?.id as string;
    // The log is stored with the log's own field names, and both versions are kept.
    const log = await db
      .selectFrom('collab_log')
      .selectAll()
      .where('cycle_id', '=', first)
      .executeTakeFirstOrThrow();
    const fields = JSON.parse(log.fields) as LogFields;
    expect(Object.keys(fields).sort()).toEqual(Object.keys(EMPTY_LOG).sort());
    expect(fields.teacherNextStep).not.toBe('');
    expect(log.version).toBe(2);
    const versions = await db
      .selectFrom('log_version')
      .select('version')
      .where('cycle_id', '=', first)
      .execute();
    expect(versions).toHaveLength(2);
    // Cycle 2 opened from the log: its video due date and meeting are the log's "next".
    const { body: second } = await teacher.call<{ videoDueOn: string; meetingAt: string }>(
      'GET',
      `/api/cycles/${home.current.id}`,
      200,
    );
    expect(second).toMatchObject({
      videoDueOn: fields.nextVideoDueOn,
      meetingAt: fields.nextMeetingAt,
    });
    // The assignment follows the program's template: clip times and the stock clip named.
    const assignment = await db
      .selectFrom('cycle_assignment')
      .selectAll()
      .where('cycle_id', '=', home.current.id)
      .executeTakeFirstOrThrow();
    expect(assignment.to_email).toBe('teacher@demo.elevate.test');
    expect(assignment.body).toContain('1) from 00:15-01:15 and 2) from 01:40-02:45');
    expect(assignment.body).toContain('Ms. Rivera: Why is 3/4 greater than 2/3?');
    const masters = await db
      .selectFrom('master_score')
      .select('code_id')
      .where('stock_clip_id', '=', home.current.stockClipId)
      .execute();
    expect(masters.map((m) => m.code_id).sort()).toEqual(['SMQR', 'STEXPL', 'TCD']);

    const admin = await signIn(api, 'admin');
    const { body: program } = await admin.call<{
      stageCounts: Record<string, number>;
      totals: { cycles: number; teachers: number };
    }>('GET', '/api/dashboard/program', 200);
    expect(program.totals).toMatchObject({ teachers: 2, cycles: 3 });
    expect(program.stageCounts).toMatchObject({ assigned: 1, awaiting_video: 1 });
    // Cycle 1's scored stock clip appears in the research export with its agreement.
    const { body: csv } = await admin.call<string>('GET', '/api/research-export.csv', 200);
    expect(csv).toContain(',STEXPL,');
    expect(csv).toMatch(/,adjacent,1,1\r\n/);
  });
});
