import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLesson, setLessonState } from '../../test/lessons';
import { type SeededApi, startSeededApi, TEST_ORIGIN } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

// The cycle pages against the real API in-process: the coach opens a cycle from the list,
// lands on its record, and the teacher sees the same cycle at its stage.
let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

describe('coaching cycles', () => {
  it('a coach opens the next cycle for a teacher and lands on its record', async () => {
    const { user, location } = await renderApp(seeded, '/cycles', { signedInAs: seeded.coach });
    await screen.findByRole('heading', { level: 1, name: 'Coaching cycles' });
    expect(await screen.findByText('No cycles yet', {}, { timeout: 5000 })).toBeTruthy();
    await user.selectOptions(await screen.findByLabelText('Teacher'), seeded.teacher.id);
    await user.type(screen.getByLabelText('Video due (optional)'), '2026-12-04');
    await user.click(screen.getByRole('button', { name: 'Open cycle' }));

    const heading = await screen.findByRole(
      'heading',
      {
        level: 1,
        name: `Cycle 1 · ${seeded.teacher.name}`,
      },
      { timeout: 5000 },
    );
    expect(heading).toBeTruthy();
    expect(location.current).toMatch(/^\/cycles\/[\w-]+$/);
    const steps = screen.getByRole('list', { name: 'Stages of the cycle' });
    expect(
      within(steps).getByText('Awaiting video').closest('li')?.getAttribute('aria-current'),
    ).toBe('step');
    const lessonPanel = screen.getByRole('heading', { name: 'Lesson' }).closest('section');
    expect(lessonPanel?.textContent).toMatch(/Waiting for Tina Teacher’s video, due .*2026/);
  }, 20_000);

  it('the teacher sees the cycle, is told how to add its video, and cannot change it', async () => {
    const asTeacher = await seeded.signedIn(seeded.teacher);
    const res = await asTeacher(`${TEST_ORIGIN}/api/cycles`);
    const { items } = (await res.json()) as { items: Array<{ id: string }> };
    expect(items).toHaveLength(1);
    await renderApp(seeded, `/cycles/${items[0]?.id}`, { signedInAs: seeded.teacher });
    await screen.findByRole('heading', { level: 1, name: 'Cycle 1' }, { timeout: 5000 });
    expect(screen.getByRole('link', { name: 'Upload a lesson' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Cycle settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark conversation held' })).toBeNull();
  }, 20_000);

  it('the coach finds the planning guide beside the player on the review of the cycle’s lesson', async () => {
    // The teacher's new lesson becomes the open cycle's video.
    const lesson = await createLesson(seeded, seeded.teacher, { title: 'Cycle lesson' });
    await setLessonState(seeded, lesson.id, { state: 'ready', durationMs: 40 * 60_000 });
    await renderApp(seeded, `/lessons/${lesson.id}/review`, { signedInAs: seeded.coach });
    expect(
      await screen.findByRole('heading', { name: /Preparation/ }, { timeout: 8000 }),
    ).toBeTruthy();
    // The teacher's review of the same lesson has no planning guide.
    cleanup();
    await renderApp(seeded, `/lessons/${lesson.id}/review`, { signedInAs: seeded.teacher });
    await screen.findByRole('heading', { level: 1, name: /Cycle lesson/ }, { timeout: 8000 });
    expect(screen.queryByRole('heading', { name: /Preparation/ })).toBeNull();
  }, 30_000);
});
