import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi, TEST_ORIGIN } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

// The dashboards against the real API in-process: the coach opens a cycle from the
// caseload, the teacher sees it as their next step, the admin sees it in the program.
let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

async function cyclesOf(teacherId: string) {
  const asCoach = await seeded.signedIn(seeded.coach);
  const res = await asCoach(`${TEST_ORIGIN}/api/cycles?teacherId=${teacherId}`);
  return ((await res.json()) as { items: Array<{ id: string; number: number }> }).items;
}

describe('dashboards', () => {
  it('the coach opens a teacher’s first cycle from the caseload', async () => {
    const { user, location } = await renderApp(seeded, '/', { signedInAs: seeded.coach });
    const list = await screen.findByRole('list', { name: 'Your teachers, most urgent first' });
    const row = within(list).getByRole('listitem', { name: 'Tina Teacher' });
    expect(within(row).getByText('No cycle yet')).toBeTruthy();
    expect(within(row).getByText('Open the next cycle')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Open cycle 1 for Tina Teacher' }));
    await expect.poll(() => location.current).toMatch(/^\/cycles\/[^/]+$/);
    const [cycle] = await cyclesOf(seeded.teacher.id);
    expect(cycle?.number).toBe(1);
    expect(location.current).toBe(`/cycles/${cycle?.id}`);
  }, 20_000);

  it('the teacher sees the open cycle’s next step with its progress', async () => {
    const asCoach = await seeded.signedIn(seeded.coach);
    const [cycle] = await cyclesOf(seeded.teacher.id);
    await asCoach(`${TEST_ORIGIN}/api/cycles/${cycle?.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ videoDueOn: '2099-03-04' }),
    });
    await renderApp(seeded, '/', { signedInAs: seeded.teacher });
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: /^Film and upload your lesson by .*2099/,
      }),
    ).toBeTruthy();
    const progress = screen.getByRole('progressbar', { name: 'Cycle 1 progress' });
    expect(progress.getAttribute('aria-valuetext')).toBe('0 of 1 steps done');
    expect(screen.getByRole('link', { name: 'Add the lesson' }).getAttribute('href')).toBe(
      '/lessons/new',
    );
  }, 20_000);

  it('the admin sees the program’s stages and can download the research export', async () => {
    await renderApp(seeded, '/', { signedInAs: seeded.admin });
    const stages = await screen.findByLabelText('Teachers’ current cycles by stage');
    expect(within(stages).getByText('Awaiting video').nextSibling?.textContent).toBe('1');
    const link = screen.getByRole('link', { name: 'Download the research export (CSV)' });
    expect(link.getAttribute('href')).toBe('/api/research-export.csv');
    const table = screen.getByRole('table', { name: 'Teachers and their current cycle' });
    expect(within(table).getByRole('link', { name: 'Tina Teacher' }).getAttribute('href')).toBe(
      `/teachers/${seeded.teacher.id}`,
    );
  }, 20_000);

  it('the coach’s page for one teacher lists their cycles', async () => {
    await renderApp(seeded, `/teachers/${seeded.teacher.id}`, { signedInAs: seeded.coach });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tina Teacher' })).toBeTruthy();
    expect(screen.getByText(/Coached by Cole Coach/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Cycle 1' })).toBeTruthy();
    // A cycle is open: no button to open another.
    expect(screen.queryByRole('button', { name: /Open cycle/ })).toBeNull();
  }, 20_000);

  it('to anyone else the teacher page says the teacher is not there', async () => {
    await renderApp(seeded, '/teachers/nobody-here', { signedInAs: seeded.coach });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Teacher not found' }),
    ).toBeTruthy();
  }, 20_000);
});
