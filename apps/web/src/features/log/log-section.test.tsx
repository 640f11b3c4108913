import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import { AppProviders, createQueryClient } from '../../app';
import {
  browserFetch,
  CookieJar,
  type SeededApi,
  startSeededApi,
  TEST_ORIGIN,
} from '../../test/real-api';
import type { Cycle } from '../cycles/cycle.queries';
import { RequireSignIn } from '../session/guards';
import type { LogView } from './log.queries';
import { LogSection } from './log-section';

// The log's conflict view against the real API in-process: the teacher edits in the page
// while the coach saves the same log through the API; nothing either wrote may be lost.

let seeded: SeededApi;
let cycleId: string;
beforeAll(async () => {
  seeded = await startSeededApi();
  const asCoach = await seeded.signedIn(seeded.coach);
  const res = await asCoach(`${TEST_ORIGIN}/api/cycles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ teacherId: seeded.teacher.id, focusCodeIds: ['STEXPL'] }),
  });
  cycleId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await seeded?.close();
});

const logUrl = () => `${TEST_ORIGIN}/api/cycles/${cycleId}/log`;

async function renderLogAsTeacher() {
  const fetchImpl = browserFetch(seeded.api, new CookieJar());
  await fetchImpl(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: seeded.teacher.email, password: seeded.teacher.password }),
  });
  const cycle = (await (await fetchImpl(`${TEST_ORIGIN}/api/cycles/${cycleId}`)).json()) as Cycle;
  const user = userEvent.setup();
  render(
    <AppProviders
      queryClient={createQueryClient()}
      apiClient={createApiClient(fetchImpl, TEST_ORIGIN)}
    >
      <MemoryRouter initialEntries={['/log']}>
        <Routes>
          <Route element={<RequireSignIn />}>
            <Route path="log" element={<LogSection cycle={cycle} />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
  await screen.findByRole('heading', { name: 'Collaborative log' });
  return user;
}

describe('the log conflict view', () => {
  it('merges what does not clash and lets the teacher keep both where it does', async () => {
    const user = await renderLogAsTeacher();
    const step = await screen.findByLabelText("Teacher's next step");
    await user.type(
      screen.getByLabelText("Highlights, learnings and what's working"),
      'Pairs explained.',
    );
    await user.type(step, 'Use turn and talk.');

    // Meanwhile the coach saves from the same starting version.
    const asCoach = await seeded.signedIn(seeded.coach);
    const start = (await (await asCoach(logUrl())).json()) as LogView;
    const coachSave = await asCoach(logUrl(), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        baseVersion: 0,
        fields: {
          ...start.fields,
          teacherNextStep: 'Ask why after every answer.',
          coachNextSteps: 'Send a stock clip on questioning.',
        },
      }),
    });
    expect(coachSave.status).toBe(200);

    await user.click(screen.getByRole('button', { name: 'Save log' }));
    const conflict = await screen.findByRole('region', {
      name: 'Cole Coach saved the log while you were editing',
    });
    // Only the field both changed is asked about, each side shown as written.
    const field = within(conflict).getByRole('group', { name: "Teacher's next step" });
    expect(within(conflict).getAllByRole('group')).toHaveLength(1);
    expect(within(field).getByText('Use turn and talk.')).toBeTruthy();
    expect(within(field).getByText('Ask why after every answer.')).toBeTruthy();
    expect((within(field).getByLabelText('Keep mine') as HTMLInputElement).checked).toBe(true);

    await user.click(within(field).getByLabelText('Keep both and edit'));
    const merged = within(field).getByLabelText(
      "Merged teacher's next step",
    ) as HTMLTextAreaElement;
    expect(merged.value).toBe('Ask why after every answer.\n\nUse turn and talk.');
    await user.clear(merged);
    await user.type(merged, 'Ask why after every answer; use turn and talk.');
    await user.click(within(conflict).getByRole('button', { name: 'Save merged log' }));

    expect(await screen.findByText('Saved as version 2.')).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByLabelText("Teacher's next step") as HTMLTextAreaElement).value).toBe(
        'Ask why after every answer; use turn and talk.',
      ),
    );
    const saved = (await (await asCoach(logUrl())).json()) as LogView;
    expect(saved.version).toBe(2);
    expect(saved.fields).toMatchObject({
      highlights: 'Pairs explained.',
      coachNextSteps: 'Send a stock clip on questioning.',
      teacherNextStep: 'Ask why after every answer; use turn and talk.',
    });
  }, 30_000);
});
