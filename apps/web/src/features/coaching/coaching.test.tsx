import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi } from '../../test/real-api';
import { renderApp } from '../../test/render-app';
import { AssignmentSection } from './assignment-section';
import type { Assignment, Prep } from './coaching.queries';
import { callApi, fetchCycle, renderSignedIn, seedAssignableCycle } from './coaching.test-support';
import { PrepSection } from './prep-section';

// The coach's preparation, the assignment and the conversation view, against the real API
// in-process: what the form saves is what the API then returns.

let seeded: SeededApi;
let cycleId: string;
let lessonId: string;
beforeAll(async () => {
  seeded = await startSeededApi();
  ({ cycleId, lessonId } = await seedAssignableCycle(seeded));
}, 30_000);
afterAll(async () => {
  await seeded?.close();
});

describe('preparation', () => {
  it('autosaves what the coach types and shows the cycle beside it', async () => {
    const cycle = await fetchCycle(seeded, seeded.coach, cycleId);
    const { user, fetchImpl } = await renderSignedIn(
      seeded,
      seeded.coach,
      <PrepSection cycle={cycle} />,
    );
    expect(await screen.findByText('Only you see this')).toBeTruthy();
    expect(await screen.findByText(/02:00–07:00/)).toBeTruthy();
    expect(screen.getByText(/Ms\. Rivera: Sharing strategies/)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Choose clips in the player' }).getAttribute('href'),
    ).toBe(`/lessons/${lessonId}/review`);
    const focus = screen.getByLabelText('What will the focus of this conversation be?');
    await user.type(focus, 'Why, not only how');
    expect(await screen.findByText(/^Saved at /, {}, { timeout: 5000 })).toBeTruthy();
    const prep = (await callApi(fetchImpl, 'GET', `/api/cycles/${cycleId}/prep`)) as Prep;
    expect(prep.fields.focus).toBe('Why, not only how');
  }, 20_000);

  it('keeps the typed text and says so when a save fails', async () => {
    const cycle = await fetchCycle(seeded, seeded.coach, cycleId);
    const { user } = await renderSignedIn(seeded, seeded.coach, <PrepSection cycle={cycle} />);
    const summary = await screen.findByLabelText('Brief summary of the lesson');
    // The coach loses the teacher from their caseload: the API now refuses the save.
    await seeded.api.ctx.db
      .updateTable('caseload')
      .set({ ends_at: new Date().toISOString() })
      .where('teacher_id', '=', seeded.teacher.id)
      .where('ends_at', 'is', null)
      .execute();
    try {
      await user.type(summary, 'Fractions on a line');
      expect(await screen.findByText('Not saved', {}, { timeout: 5000 })).toBeTruthy();
      expect(screen.getByRole('alert').textContent).toContain('has not been lost');
      expect((summary as HTMLTextAreaElement).value).toBe('Fractions on a line');
    } finally {
      const asAdmin = await seeded.signedIn(seeded.admin);
      await callApi(asAdmin, 'PUT', `/api/caseloads/${seeded.teacher.id}`, {
        coachId: seeded.coach.id,
      });
    }
  }, 20_000);

  it('is not there for the teacher', async () => {
    const cycle = await fetchCycle(seeded, seeded.teacher, cycleId);
    const { container } = await renderSignedIn(
      seeded,
      seeded.teacher,
      <PrepSection cycle={cycle} />,
    );
    await waitFor(() => expect(screen.queryByText('Checking your session…')).toBeNull());
    expect(container.textContent).toBe('');
  });
});

describe('the assignment', () => {
  it('the teacher waits; the coach edits and sends; the teacher gets a to-do', async () => {
    const asTeacher = await fetchCycle(seeded, seeded.teacher, cycleId);
    const teacherView = await renderSignedIn(
      seeded,
      seeded.teacher,
      <AssignmentSection cycle={asTeacher} />,
    );
    expect(await screen.findByText('Not sent yet')).toBeTruthy();
    teacherView.unmount();

    const cycle = await fetchCycle(seeded, seeded.coach, cycleId);
    const { user, fetchImpl, unmount } = await renderSignedIn(
      seeded,
      seeded.coach,
      <AssignmentSection cycle={cycle} />,
    );
    const message = (await screen.findByLabelText('Message')) as HTMLTextAreaElement;
    expect(message.value).toContain('1) from 02:00-07:00 and 2) from 15:00-20:30');
    await user.type(message, '{Control>}{End}{/Control}\nP.S. See you soon.');
    await user.click(screen.getByRole('button', { name: /^Send to Tina Teacher/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(async () => {
      const sent = (await callApi(
        fetchImpl,
        'GET',
        `/api/cycles/${cycleId}/assignment`,
      )) as Assignment;
      expect(sent.status).toBe('sent');
      expect(sent.body).toContain('P.S. See you soon.');
    });
    unmount();

    const assigned = await fetchCycle(seeded, seeded.teacher, cycleId);
    expect(assigned.stage).toBe('assigned');
    await renderSignedIn(seeded, seeded.teacher, <AssignmentSection cycle={assigned} />);
    expect(await screen.findByText('Message from your coach', { exact: false })).toBeTruthy();
    expect(screen.getByText('0 of 3 done')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Watch clip 1' }).getAttribute('href')).toBe(
      `/lessons/${lessonId}/clips/1`,
    );
    expect(screen.getByRole('link', { name: 'Score the stock clip' }).getAttribute('href')).toBe(
      `/cycles/${cycleId}#stock`,
    );
  }, 30_000);
});

describe('the conversation view', () => {
  it('shows the outline with minutes, a timer, the clips and the prompts', async () => {
    const { user } = await renderApp(seeded, `/cycles/${cycleId}/conversation`, {
      signedInAs: seeded.coach,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Conversation with Tina Teacher' }),
    ).toBeTruthy();
    const steps = screen
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('conversation__step'));
    expect(steps).toHaveLength(9);
    expect(steps[2]?.textContent).toContain('Frame and discuss the stock clip');
    expect(steps[2]?.textContent).toContain('10 min');
    expect(screen.getAllByRole('link', { name: /Play clip 1/ })[0]?.getAttribute('href')).toBe(
      `/lessons/${lessonId}/clips/1`,
    );
    expect(screen.getByRole('link', { name: /Play the stock clip/ }).getAttribute('href')).toBe(
      `/cycles/${cycleId}#stock`,
    );
    expect(screen.getByRole('heading', { name: 'Elevate' })).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Open the collaborative log' }).getAttribute('href'),
    ).toBe(`/cycles/${cycleId}#log`);
    // The coach's own notes for the step, from the preparation saved above.
    expect(await screen.findByText('Why, not only how')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getByText(/^Step 1: Introduction and pleasantries/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  }, 20_000);
});
