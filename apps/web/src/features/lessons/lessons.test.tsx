import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../api/client';
import { createLesson, giveLessonMedia, setLessonState } from '../../test/lessons';
import { type SeededApi, startSeededApi, TEST_ORIGIN } from '../../test/real-api';
import { renderApp } from '../../test/render-app';
import { CONSENT_REQUIRED } from './new-lesson.page';

// Lessons against the real API in-process: the form creates real lessons, and the lesson
// page polls the real lesson while the test moves it through its states as the worker would.
let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

async function teacherLessons(): Promise<Lesson[]> {
  const asTeacher = await seeded.signedIn(seeded.teacher);
  const res = await asTeacher(`${TEST_ORIGIN}/api/lessons`);
  return ((await res.json()) as { items: Lesson[] }).items;
}

describe('new lesson form', () => {
  it('requires the recording-policy confirmation, then creates the lesson and opens it', async () => {
    const before = (await teacherLessons()).length;
    const { user, location } = await renderApp(seeded, '/lessons/new', {
      signedInAs: seeded.teacher,
    });
    await screen.findByRole('heading', { level: 1, name: 'New lesson' });
    await user.type(screen.getByLabelText('Title'), 'Equivalent fractions with strips');
    await user.type(screen.getByLabelText('Grade'), '4');
    await user.type(screen.getByLabelText('Topic'), 'Fractions');
    // The date taught starts at today; a missing one is refused too.
    expect((screen.getByLabelText('Date taught') as HTMLInputElement).value).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );

    await user.click(screen.getByRole('button', { name: 'Create lesson' }));
    expect(await screen.findByText(CONSENT_REQUIRED)).toBeTruthy();
    const consent = screen.getByRole('checkbox', { name: /recording policy/ });
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(consent);
    expect(location.current).toBe('/lessons/new');
    expect(await teacherLessons()).toHaveLength(before);

    // A focus code from the MQI rubric, grouped by domain.
    await user.click(await screen.findByText('Common Core Aligned Student Practices'));
    await user.click(screen.getByRole('checkbox', { name: /STEXPL/ }));
    expect(screen.getByText('1 chosen: STEXPL')).toBeTruthy();
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: 'Create lesson' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Equivalent fractions with strips' }),
    ).toBeTruthy();
    const created = (await teacherLessons()).find(
      (lesson) => lesson.title === 'Equivalent fractions with strips',
    );
    expect(created).toMatchObject({
      grade: '4',
      topic: 'Fractions',
      focusCodeIds: ['STEXPL'],
      state: 'awaiting_upload',
    });
    expect(location.current).toBe(`/lessons/${created?.id}`);
    // The lesson waits for its recording: the upload panel (loaded on demand) offers a picker.
    expect(
      await screen.findByLabelText('Choose your recording', {}, { timeout: 5000 }),
    ).toBeTruthy();
  }, 20_000);

  it('says what is missing, field by field', async () => {
    const { user } = await renderApp(seeded, '/lessons/new', { signedInAs: seeded.teacher });
    await screen.findByRole('heading', { level: 1, name: 'New lesson' });
    await user.clear(screen.getByLabelText('Date taught'));
    await user.click(screen.getByRole('button', { name: 'Create lesson' }));
    expect(await screen.findByText('Give the lesson a title.')).toBeTruthy();
    expect(screen.getByText('Enter the date you taught the lesson.')).toBeTruthy();
    expect(screen.getByText('Enter the grade you taught.')).toBeTruthy();
    expect(screen.getByText('Enter the lesson’s topic.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });
});

describe('lesson page', () => {
  it('shows processing progress, and updates on its own until the video is ready', async () => {
    const lesson = await createLesson(seeded, seeded.teacher, { title: 'Area models' });
    await setLessonState(seeded, lesson.id, { state: 'processing', progress: 40 });
    await renderApp(seeded, `/lessons/${lesson.id}`, { signedInAs: seeded.teacher });

    await screen.findByRole('heading', { level: 2, name: 'Preparing the video' });
    const bar = screen.getByRole('progressbar', { name: 'Preparing the video' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('Processing')).toBeTruthy();

    // The worker moves on: the page follows without a reload.
    await setLessonState(seeded, lesson.id, { state: 'processing', progress: 70 });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('70'), { timeout: 5000 });

    await giveLessonMedia(seeded, lesson.id);
    await setLessonState(seeded, lesson.id, { state: 'ready', progress: 100, durationMs: 61_000 });
    const video = await screen.findByLabelText('Video of Area models', {}, { timeout: 5000 });
    expect(video.tagName).toBe('VIDEO');
    expect(video.getAttribute('poster')).toMatch(/\/api\/storage\/local\/objects\/.*poster\.jpg\?/);
    expect(video.getAttribute('src')).toMatch(/\/api\/storage\/local\/objects\/.*original/);
    expect(screen.getByText('Ready')).toBeTruthy();
    expect(screen.getByText('1 min')).toBeTruthy();
  }, 15_000);

  it('shows why a recording failed', async () => {
    const lesson = await createLesson(seeded, seeded.teacher, { title: 'Notes, not a video' });
    const reason = 'This file is not a video: it is not an MP4, MOV, M4V, WebM or MKV recording.';
    await setLessonState(seeded, lesson.id, { state: 'failed', stateReason: reason });
    await renderApp(seeded, `/lessons/${lesson.id}`, { signedInAs: seeded.teacher });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This recording could not be used')).toBeTruthy();
    expect(within(alert).getByText(reason)).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
  });

  it('lets the coach watch, read-only, and lists lessons by teacher with their posters', async () => {
    const lesson = await createLesson(seeded, seeded.teacher, { title: 'Ratio tables' });
    await giveLessonMedia(seeded, lesson.id);
    await setLessonState(seeded, lesson.id, { state: 'ready', progress: 100 });

    await renderApp(seeded, '/lessons', { signedInAs: seeded.coach });
    const group = await screen.findByRole('region', { name: /Tina Teacher/ });
    const card = within(group).getByRole('link', { name: 'Ratio tables' }).closest('li');
    expect(card).toBeTruthy();
    await waitFor(() =>
      expect(card?.querySelector('img')?.getAttribute('src')).toMatch(/poster\.jpg\?/),
    );

    const { user } = await renderApp(seeded, `/lessons/${lesson.id}`, {
      signedInAs: seeded.coach,
    });
    await screen.findAllByRole('heading', { level: 1, name: 'Ratio tables' });
    expect(screen.queryByRole('button', { name: 'Delete lesson' })).toBeNull();
    expect(user).toBeTruthy();
  });

  it('deletes a lesson after a confirmation that names it', async () => {
    const lesson = await createLesson(seeded, seeded.teacher, {
      title: 'Decimals on a number line',
    });
    const { user, location } = await renderApp(seeded, `/lessons/${lesson.id}`, {
      signedInAs: seeded.teacher,
    });
    await user.click(await screen.findByRole('button', { name: 'Delete lesson' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Decimals on a number line”?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete lesson' }));

    expect(
      await screen.findByText('“Decimals on a number line” was deleted, with its recording.'),
    ).toBeTruthy();
    expect(location.current).toBe('/lessons');
    expect((await teacherLessons()).some((l) => l.id === lesson.id)).toBe(false);
  });
});
