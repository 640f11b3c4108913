import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../api/client';
import { type SeededApi, startSeededApi } from '../../../test/real-api';
import type { MediaController } from '../player/media-controller';
import { useTimeline } from '../review.queries';
import { callAs, renderSignedIn, seedReadyLesson } from '../review.test-support';
import type { Annotation } from '../review.types';
import { AnnotationPanel } from './annotation-panel';

// The panel against the real API in-process (migrated SQLite): the server decides who sees
// which note, so these tests prove the UI shows what it is given and sends what it should.
let seeded: SeededApi;
let lessonId: string;

// jsdom lays nothing out, so the virtualised list would see a 0 px window and render no
// row: give the list's scroller the height a browser would.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');

beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('notes__scroller') ? 900 : 0;
    },
  });
  seeded = await startSeededApi();
  lessonId = await seedReadyLesson(seeded);
  const note = (
    visibility: string,
    startMs: number,
    endMs: number | null,
    body: string,
    codeIds: string[],
  ) =>
    callAs<Annotation>(seeded, seeded.coach, 'POST', `/api/lessons/${lessonId}/annotations`, 201, {
      visibility,
      startMs,
      endMs,
      body,
      codeIds,
      teacherDoes: visibility === 'public' ? 'Asks “how do you know?”' : null,
    });
  await note('public', 150_000, 200_000, 'Students explain their thinking.', ['STEXPL']);
  await note('public', 305_000, null, 'Two representations are linked on the board.', [
    'LINK',
    'SMQR',
  ]);
  await note('private', 160_000, null, 'Planning: ask about wait time.', ['STEXPL']);
});

afterAll(async () => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  await seeded?.close();
});

function Panel(props: {
  viewerRole: Role;
  viewerId: string;
  onSeek: (ms: number) => void;
  controller?: MediaController;
}) {
  const timeline = useTimeline(lessonId);
  const [composeAt, setComposeAt] = useState<number | null>(null);
  if (!timeline.data) return <p>Loading</p>;
  return (
    <AnnotationPanel
      lessonId={lessonId}
      annotations={timeline.data.annotations}
      viewer={{ id: props.viewerId, role: props.viewerRole }}
      canAnnotate={props.viewerRole === 'coach'}
      currentMs={0}
      durationMs={timeline.data.lesson.durationMs ?? 0}
      onSeek={props.onSeek}
      controller={props.controller ?? null}
      composeAt={composeAt}
      onCompose={setComposeAt}
    />
  );
}

const notes = () => screen.getAllByRole('article');

describe('annotation panel, against the real API', () => {
  it('shows the coach public and private notes, private ones styled and labelled apart', async () => {
    await renderSignedIn(
      seeded,
      seeded.coach,
      <Panel viewerRole="coach" viewerId={seeded.coach.id} onSeek={() => {}} />,
    );
    const privateNote = await screen.findByRole('article', { name: /^Private note at 2:40/ });
    expect(notes()).toHaveLength(3);
    expect(privateNote.className).toContain('note--private');
    expect(within(privateNote).getByText('Private — only you')).toBeTruthy();
    expect(within(privateNote).getByText('Planning: ask about wait time.')).toBeTruthy();
    const publicNote = screen.getByRole('article', { name: /^Annotation at 2:30–3:20/ });
    expect(publicNote.className).not.toContain('note--private');
    expect(within(publicNote).queryByText('Private — only you')).toBeNull();
    expect(within(publicNote).getByText('Asks “how do you know?”')).toBeTruthy();
    expect(publicNote.getAttribute('data-domain')).toBe('CCASP');
    // The coach wrote them all: each can be edited and deleted.
    expect(within(privateNote).getByRole('button', { name: /^Edit/ })).toBeTruthy();
  });

  it('shows the teacher only the public notes, and lets them reply', async () => {
    const { user } = await renderSignedIn(
      seeded,
      seeded.teacher,
      <Panel viewerRole="teacher" viewerId={seeded.teacher.id} onSeek={() => {}} />,
    );
    await screen.findByText('Students explain their thinking.');
    expect(notes()).toHaveLength(2);
    expect(screen.queryByText('Planning: ask about wait time.')).toBeNull();
    expect(screen.queryByText('Private — only you')).toBeNull();
    expect(screen.queryByRole('button', { name: 'New annotation N' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();

    const note = screen.getByRole('article', { name: /^Annotation at 2:30–3:20/ });
    await user.click(within(note).getByRole('button', { name: 'Reply' }));
    await user.type(
      within(note).getByRole('textbox', { name: 'Your reply' }),
      'I will try longer wait time.',
    );
    await user.click(within(note).getByRole('button', { name: 'Send reply' }));

    // The reply is in the list under the note (not just in the closing form's text area).
    const thread = await within(note).findByRole('list', { name: 'Replies (1)' });
    expect(within(thread).getByText('I will try longer wait time.')).toBeTruthy();
    expect(within(thread).getByText('Tina Teacher')).toBeTruthy();
    expect(within(note).queryByRole('textbox', { name: 'Your reply' })).toBeNull();
    const saved = await callAs<{ annotations: Annotation[] }>(
      seeded,
      seeded.coach,
      'GET',
      `/api/lessons/${lessonId}/timeline`,
      200,
    );
    const replies = saved.annotations.flatMap((a) => a.replies.map((r) => r.body));
    expect(replies).toContain('I will try longer wait time.');
  });

  it('filters by code and searches the text', async () => {
    const { user } = await renderSignedIn(
      seeded,
      seeded.coach,
      <Panel viewerRole="coach" viewerId={seeded.coach.id} onSeek={() => {}} />,
    );
    await screen.findByText('Students explain their thinking.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Code' }), 'LINK');
    expect(notes()).toHaveLength(1);
    expect(screen.getByText('Two representations are linked on the board.')).toBeTruthy();
    expect(screen.getByText('Showing 1 of 3')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(notes()).toHaveLength(3);

    await user.type(screen.getByRole('searchbox', { name: 'Search annotations' }), 'wait time');
    await waitFor(() =>
      expect(screen.queryByText('Two representations are linked on the board.')).toBeNull(),
    );
    expect(screen.getByText('Planning: ask about wait time.')).toBeTruthy();
    await user.clear(screen.getByRole('searchbox', { name: 'Search annotations' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Visibility' }), 'private');
    expect(notes()).toHaveLength(1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Domain' }), 'RICH');
    expect(screen.getByText('No note matches these filters.')).toBeTruthy();
  });

  it('seeks when a timecode is clicked', async () => {
    const onSeek = vi.fn();
    const { user } = await renderSignedIn(
      seeded,
      seeded.teacher,
      <Panel viewerRole="teacher" viewerId={seeded.teacher.id} onSeek={onSeek} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Play from 5:05' }));
    expect(onSeek).toHaveBeenCalledWith(305_000);
    await user.click(screen.getByRole('button', { name: 'Play from 2:30' }));
    expect(onSeek).toHaveBeenLastCalledWith(150_000);
  });

  it('lets the coach write a coded private note, pausing the video while typing', async () => {
    let paused = false;
    const controller = {
      currentMs: () => 400_000,
      durationMs: () => Number.NaN,
      isPaused: () => paused,
      rate: () => 1,
      play: vi.fn(() => {
        paused = false;
      }),
      pause: vi.fn(() => {
        paused = true;
      }),
      seek: vi.fn(),
      setRate: vi.fn(),
      subscribe: () => () => undefined,
    } satisfies MediaController;
    const { user } = await renderSignedIn(
      seeded,
      seeded.coach,
      <Panel
        viewerRole="coach"
        viewerId={seeded.coach.id}
        onSeek={() => {}}
        controller={controller}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'New annotation N' }));
    const form = screen.getByRole('form', { name: 'New annotation' });
    expect((within(form).getByRole('textbox', { name: 'At' }) as HTMLInputElement).value).toBe(
      '6:40',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Annotation' }), 'Nobody asks why.');
    expect(controller.pause).toHaveBeenCalledTimes(1);
    await user.click(within(form).getByRole('radio', { name: /Private — only you/ }));
    await user.type(
      within(form).getByRole('searchbox', { name: 'Find a code by name or id' }),
      'questioning',
    );
    await user.click(within(form).getByRole('checkbox', { name: /SMQR/ }));
    await user.click(within(form).getByRole('button', { name: 'Save annotation' }));

    const created = await screen.findByRole('article', { name: /^Private note at 6:40/ });
    expect(within(created).getByText('SMQR')).toBeTruthy();
    expect(controller.play).toHaveBeenCalledTimes(1);
    const teacherView = await callAs<{ annotations: Annotation[] }>(
      seeded,
      seeded.teacher,
      'GET',
      `/api/lessons/${lessonId}/timeline`,
      200,
    );
    expect(teacherView.annotations.map((a) => a.body)).not.toContain('Nobody asks why.');
  });
});
