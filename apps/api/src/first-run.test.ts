import { afterEach, describe, expect, it } from 'vitest';
import { runFirstRun } from './first-run';
import { Agent } from './testing/agent';
import { createTestApi, type TestApi } from './testing/test-api';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('first run', () => {
  it('seeds the demo program with a processed demo lesson, two clips, coded notes and a transcript', {
    timeout: 60_000,
  }, async () => {
    api = await createTestApi({ DEMO: 'on' });
    await runFirstRun(api.ctx, api.ctx.logger);
    await runFirstRun(api.ctx, api.ctx.logger); // a second start seeds nothing more
    await api.ctx.services.runner.drain();
    const coach = await new Agent(api.app).signIn('coach@demo.elevate.test', 'elevate-demo-2026');
    const teacher = await new Agent(api.app).signIn(
      'teacher@demo.elevate.test',
      'elevate-demo-2026',
    );
    const { body: lessons } = await teacher.call<{
      items: Array<{ id: string; state: string; durationMs: number }>;
    }>('GET', '/api/lessons', 200);
    expect(lessons.items).toHaveLength(1);
    const lesson = lessons.items[0] as { id: string; state: string; durationMs: number };
    expect(lesson.state).toBe('ready');
    expect(lesson.durationMs).toBeGreaterThan(170_000);
    const { body: coachView } = await coach.call<{
      clips: unknown[];
      annotations: Array<{ visibility: string; codeIds: string[] }>;
    }>('GET', `/api/lessons/${lesson.id}/timeline`, 200);
    expect(coachView.clips).toHaveLength(2);
    expect(coachView.annotations).toHaveLength(12);
    expect(coachView.annotations.filter((a) => a.visibility === 'private')).toHaveLength(3);
    expect(coachView.annotations.every((a) => a.codeIds.length > 0)).toBe(true);
    const { body: teacherView } = await teacher.call<{ annotations: unknown[] }>(
      'GET',
      `/api/lessons/${lesson.id}/timeline`,
      200,
    );
    expect(teacherView.annotations).toHaveLength(9);
    const { body: transcript } = await teacher.call<{ transcript: { cues: unknown[] } }>(
      'GET',
      `/api/lessons/${lesson.id}/transcript`,
      200,
    );
    expect(transcript.transcript.cues.length).toBeGreaterThan(5);
    const { body: library } = await teacher.call<{
      items: Array<{ pseudonym: string; isPlaceholder: boolean }>;
    }>('GET', '/api/stock-clips', 200);
    expect(library.items).toEqual([
      expect.objectContaining({ pseudonym: 'Ms. Rivera', isPlaceholder: true }),
    ]);
  });

  it('without the demo, creates the first admin from the environment once', async () => {
    api = await createTestApi();
    process.env.ELEVATE_ADMIN_EMAIL = 'first@school.test';
    process.env.ELEVATE_ADMIN_PASSWORD = 'first admin password';
    try {
      await runFirstRun(api.ctx, api.ctx.logger);
      await runFirstRun(api.ctx, api.ctx.logger);
    } finally {
      delete process.env.ELEVATE_ADMIN_EMAIL;
      delete process.env.ELEVATE_ADMIN_PASSWORD;
    }
    expect(await api.ctx.services.setup.countAdmins()).toBe(1);
    await new Agent(api.app).signIn('first@school.test', 'first admin password');
  });
});
