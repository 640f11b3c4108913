import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client';
import { AppProviders, createQueryClient } from '../../app';
import {
  browserFetch,
  CookieJar,
  type Person,
  type SeededApi,
  startSeededApi,
  TEST_ORIGIN,
} from '../../test/real-api';
import { renderApp } from '../../test/render-app';
import { useCycle } from '../cycles/cycle.queries';
import { RequireSignIn } from '../session/guards';
import { CalibrationChart } from './calibration-chart';
import { StockSection } from './stock-section';

// The library, a cycle's stock section and the calibration chart against the real API
// in-process: what the teacher's browser receives is what the server decided to send.
let seeded: SeededApi;
let clipId: string;
/** Lazy pages and first queries take a while on a busy machine. */
const SLOW = { timeout: 5000 };
const SECRET = 'Masters: two students justify, the rest copy the board.';

async function api(person: Person, method: string, path: string, body?: unknown) {
  const fetchAs = await seeded.signedIn(person);
  const res = await fetchAs(`${TEST_ORIGIN}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : ((await res.json()) as { id: string });
}

beforeAll(async () => {
  seeded = await startSeededApi();
  const clip = await api(seeded.admin, 'POST', '/api/stock-clips', {
    pseudonym: 'Ms. Lindqvist',
    title: 'Is 0.5 bigger than 0.45?',
    grade: '5',
    topic: 'Decimals',
    description: 'A number talk on comparing decimals.',
    codeIds: ['STEXPL', 'MAJERR'],
    masterScores: [
      { codeId: 'STEXPL', level: 'mid', rationale: SECRET },
      { codeId: 'MAJERR', level: 'not-present', rationale: 'No errors.' },
    ],
  });
  clipId = (clip as { id: string }).id;
}, 30_000);
afterAll(async () => {
  await seeded?.close();
});

/** Renders one component for a signed-in person, inside the app's providers and router. */
async function renderAs(person: Person, element: React.ReactNode) {
  const fetchImpl = browserFetch(seeded.api, new CookieJar());
  await fetchImpl(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  const user = userEvent.setup();
  render(
    <AppProviders
      queryClient={createQueryClient()}
      apiClient={createApiClient(fetchImpl, TEST_ORIGIN)}
    >
      <MemoryRouter>
        <Routes>
          <Route element={<RequireSignIn />}>
            <Route path="*" element={element} />
          </Route>
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
  return user;
}

/** The cycle page's use of the section: the cycle as the API has it now. */
function CycleStock({ cycleId }: { cycleId: string }) {
  const cycle = useCycle(cycleId);
  return cycle.data ? <StockSection cycle={cycle.data} /> : null;
}

describe('the library', () => {
  it('lets an admin add a clip with master scores', async () => {
    const { user } = await renderApp(seeded, '/library/new', { signedInAs: seeded.admin });
    await screen.findByRole('heading', { level: 1, name: 'Add a stock clip' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Add the clip' }));
    expect(await screen.findByText('Give the clip a title.')).toBeTruthy();
    expect(screen.getByText('Choose at least one code.')).toBeTruthy();
    await user.type(screen.getByLabelText('Pseudonym'), 'Mr. Abara');
    await user.type(screen.getByLabelText('Title'), 'Halving <script>alert(1)</script>');
    await user.type(screen.getByLabelText('Grade'), '3');
    await user.type(screen.getByLabelText('Topic'), 'Fractions');
    await user.click(screen.getByRole('checkbox', { name: /SMQR/ }));
    await user.selectOptions(screen.getByLabelText('Master level for SMQR'), 'high');
    await user.type(screen.getByLabelText('Rationale for SMQR'), 'Students argue both ways.');
    await user.click(screen.getByRole('button', { name: 'Add the clip' }));
    // Script-like text is shown as text.
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Halving <script>alert(1)</script>' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('Students argue both ways.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upload the video' })).toBeTruthy();
  }, 20_000);

  it('is searched and filtered by coaches; teachers see no master scores there', async () => {
    const { user } = await renderApp(seeded, '/library', { signedInAs: seeded.coach });
    await screen.findByRole('heading', { level: 1, name: 'Stock clips' }, SLOW);
    await screen.findByRole('link', { name: 'Is 0.5 bigger than 0.45?' }, SLOW);
    await user.type(screen.getByLabelText('Search'), 'number talk');
    await waitFor(() => expect(screen.getByText('1 clip')).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Rubric code'), 'TCD');
    expect(await screen.findByRole('heading', { name: 'No clip matches' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await screen.findByRole('link', { name: 'Is 0.5 bigger than 0.45?' });
    expect(screen.queryByRole('link', { name: 'Add a stock clip' })).toBeNull();

    await renderApp(seeded, `/library/${clipId}`, { signedInAs: seeded.teacher });
    await screen.findAllByRole('heading', { level: 1, name: 'Is 0.5 bigger than 0.45?' }, SLOW);
    expect(screen.getByText(/master scores appear once you have scored this clip/)).toBeTruthy();
    expect(screen.queryByText(SECRET)).toBeNull();
  }, 20_000);
});

describe('the stock clip in a cycle, and calibration', () => {
  it('the coach chooses; the teacher drafts, submits, then compares; the chart follows', async () => {
    const cycle = (await api(seeded.coach, 'POST', '/api/cycles', {
      teacherId: seeded.teacher.id,
    })) as { id: string };

    const coach = await renderAs(seeded.coach, <CycleStock cycleId={cycle.id} />);
    const chooser = await screen.findByRole('combobox', { name: 'Stock clip' }, SLOW);
    await coach.selectOptions(chooser, clipId);
    // All the clip's codes start ticked; the coach narrows nothing here.
    expect((screen.getByRole('checkbox', { name: /MAJERR/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    await coach.click(screen.getByRole('button', { name: 'Save stock clip' }));
    await screen.findByText('Saved.', {}, SLOW);
    // The coach sees the master scores at once.
    expect(await screen.findByText(SECRET, {}, SLOW)).toBeTruthy();

    cleanup();
    await renderAs(seeded.teacher, <CalibrationChart teacherId={seeded.teacher.id} />);
    expect(await screen.findByRole('heading', { name: 'No calibration yet' })).toBeTruthy();

    cleanup();
    const teacher = await renderAs(seeded.teacher, <CycleStock cycleId={cycle.id} />);
    const stexpl = await screen.findByRole('group', { name: /STEXPL/ }, SLOW);
    expect(screen.queryByText(SECRET)).toBeNull();
    await teacher.click(within(stexpl).getByRole('radio', { name: 'High' }));
    await teacher.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText(/Draft saved at/);
    await teacher.click(screen.getByRole('button', { name: 'Submit scores' }));
    expect(await screen.findAllByText(/Choose a level and give a reason/)).toHaveLength(2);
    await teacher.type(within(stexpl).getByLabelText('Why STEXPL?'), 'Several explain why.');
    const majerr = screen.getByRole('group', { name: /MAJERR/ });
    await teacher.click(within(majerr).getByRole('radio', { name: 'Not Present' }));
    await teacher.type(within(majerr).getByLabelText('Why MAJERR?'), 'No mistakes.');
    await teacher.click(screen.getByRole('button', { name: 'Submit scores' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit your scores?' });
    await teacher.click(within(dialog).getByRole('button', { name: 'Submit scores' }));

    const table = await screen.findByRole('table', { name: /master score for each code/ }, SLOW);
    expect(within(table).getByText(SECRET)).toBeTruthy();
    expect(within(table).getByText('Adjacent')).toBeTruthy();
    expect(within(table).getByText('Exact')).toBeTruthy();
    expect(
      within(table).getByText('One level apart: you judged the quality higher than the masters.'),
    ).toBeTruthy();
    expect(screen.getByText('1 of 2 exact, 1 adjacent, 0 off.')).toBeTruthy();

    cleanup();
    await renderAs(seeded.coach, <CalibrationChart teacherId={seeded.teacher.id} />);
    expect(
      await screen.findByText(
        'Across 1 cycle, 1 of 2 codes (50%) were scored exactly as the masters scored them, and 1 more within one level.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', { name: /Agreement with the master scores, cycle by cycle/ }),
    ).toBeTruthy();
    const numbers = screen.getByRole('table', { name: 'Agreement per cycle' });
    expect(within(numbers).getByRole('rowheader', { name: 'All cycles' })).toBeTruthy();
  }, 30_000);
});
