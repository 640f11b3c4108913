import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi } from '../../../test/real-api';
import { useTimeline } from '../review.queries';
import { callAs, renderSignedIn, seedReadyLesson } from '../review.test-support';
import type { Clip } from '../review.types';
import { ClipEditor } from './clip-editor';
import { markAt } from './clip-rules';
import { useClipDrafts } from './use-clip-drafts';

// The clip form reads and writes times through @elevate/timecode and saves through the
// real API in-process. A 90-minute lesson, so h:mm:ss times exist.
const DURATION = 90 * 60_000;
const PLAYHEAD = 90_000;
let seeded: SeededApi;
let lessonId: string;

beforeAll(async () => {
  seeded = await startSeededApi();
  lessonId = await seedReadyLesson(seeded, DURATION);
});
afterAll(async () => {
  await seeded?.close();
});

function Editor() {
  const timeline = useTimeline(lessonId);
  const drafts = useClipDrafts(timeline.data?.clips ?? []);
  if (!timeline.data) return <p>Loading</p>;
  const draft = drafts.draftOf(1);
  const current =
    draft.startMs !== undefined && draft.endMs !== undefined
      ? { startMs: draft.startMs, endMs: draft.endMs }
      : null;
  return (
    <ClipEditor
      lessonId={lessonId}
      position={1}
      durationMs={DURATION}
      draft={draft}
      isDirty={drafts.isDirty(1)}
      saved={drafts.saved(1)}
      playheadMs={() => PLAYHEAD}
      onChange={(patch) => drafts.change(1, patch)}
      onMark={(which) => drafts.change(1, markAt(which, PLAYHEAD, current, DURATION))}
      onReset={() => drafts.reset(1)}
    />
  );
}

async function open() {
  const view = await renderSignedIn(seeded, seeded.coach, <Editor />);
  const form = await screen.findByRole('form', { name: 'Edit Clip 1' });
  const field = (name: RegExp) => within(form).getByRole('textbox', { name }) as HTMLInputElement;
  const typeTime = async (name: RegExp, text: string) => {
    await view.user.clear(field(name));
    await view.user.type(field(name), `${text}{Enter}`);
  };
  return { ...view, form, field, typeTime, inPoint: /^In-point/, outPoint: /^Out-point/ };
}

describe('clip editor timecodes, against the real API', () => {
  it('reads m:ss, mm:ss and h:mm:ss and writes them back formatted', async () => {
    const { form, field, typeTime, inPoint, outPoint } = await open();
    await typeTime(inPoint, '1:05');
    await typeTime(outPoint, '06:05');
    expect(field(inPoint).value).toBe('1:05');
    expect(field(outPoint).value).toBe('6:05');
    expect(within(form).getByText(/^Length 5:00/)).toBeTruthy();

    await typeTime(outPoint, '1:02:05');
    await typeTime(inPoint, '0:57:05');
    expect(field(outPoint).value).toBe('1:02:05');
    expect(field(inPoint).value).toBe('57:05');
    expect(within(form).getByText(/^Length 5:00/)).toBeTruthy();
  });

  it('keeps unreadable text, says what it expects, and leaves the time alone', async () => {
    const { form, field, typeTime, inPoint } = await open();
    await typeTime(inPoint, '2:00');
    await typeTime(inPoint, '2:75');
    expect(field(inPoint).value).toBe('2:75');
    expect(within(form).getByText('Type a time such as 1:05, 12:30 or 1:02:05.')).toBeTruthy();
    expect(field(inPoint).getAttribute('aria-invalid')).toBe('true');
  });

  it('checks 0 <= start < end <= duration before asking the API', async () => {
    const { user, form, typeTime, inPoint, outPoint } = await open();
    await typeTime(inPoint, '10:00');
    await typeTime(outPoint, '9:00');
    expect(within(form).getByText('Must be after the start.')).toBeTruthy();
    await typeTime(outPoint, '1:40:00');
    expect(within(form).getByText('Must be at or before the end of the lesson.')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Save clip 1' }));
    expect(within(form).getAllByText('Write a sentence or two.')).toHaveLength(2);
    const { clips } = await callAs<{ clips: Clip[] }>(
      seeded,
      seeded.coach,
      'GET',
      `/api/lessons/${lessonId}/timeline`,
      200,
    );
    expect(clips).toEqual([]);
  });

  it('sets in and out from the playhead and nudges by a frame or a second', async () => {
    const { user, form, field, inPoint, outPoint } = await open();
    await user.click(
      within(form).getAllByRole('button', { name: /Set at playhead/ })[0] as HTMLElement,
    );
    expect(field(inPoint).value).toBe('1:30');
    expect(field(outPoint).value).toBe('6:30'); // an out-point five minutes on
    await user.click(within(form).getByRole('button', { name: 'In-point forward one frame' }));
    expect(field(inPoint).value).toBe('1:30.033');
    await user.click(within(form).getByRole('button', { name: 'In-point back one second' }));
    expect(field(inPoint).value).toBe('1:29.033');
    await user.click(within(form).getByRole('button', { name: 'Out-point forward one second' }));
    expect(field(outPoint).value).toBe('6:31');
  });

  it('hints at an unusual length, saves exact milliseconds, and the API refuses a third clip', async () => {
    const { user, form, typeTime, inPoint, outPoint } = await open();
    await typeTime(inPoint, '2:00.5');
    await typeTime(outPoint, '2:40');
    expect(within(form).getByRole('status').textContent).toMatch(
      /This clip is 40 s; clips are usually about 5 min/,
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'Brief summary of the clip' }),
      'Pairs explain.',
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'Reason for selection' }),
      'Student talk.',
    );
    await user.click(within(form).getByRole('button', { name: 'Save clip 1' }));
    await within(form).findByText('Clip 1 saved.');

    const { clips } = await callAs<{ clips: Clip[] }>(
      seeded,
      seeded.coach,
      'GET',
      `/api/lessons/${lessonId}/timeline`,
      200,
    );
    expect(clips).toMatchObject([
      { position: 1, startMs: 120_500, endMs: 160_000, summary: 'Pairs explain.' },
    ]);
    expect(clips[0]?.hint).toMatch(/usually about 5 min/);
    await callAs(seeded, seeded.coach, 'PUT', `/api/lessons/${lessonId}/clips/3`, 422, {
      startMs: 0,
      endMs: 1000,
      summary: 'x',
      reason: 'y',
    });
  });
});
