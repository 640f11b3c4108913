import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

// The teacher's goal sheet and year against the real API: goals change by archive and
// replace, and the earlier wording stays in view.

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

describe('/goals', () => {
  it('adds, changes (keeping history) and sets aside a goal after confirming', async () => {
    const { user } = await renderApp(seeded, '/goals', { signedInAs: seeded.teacher });
    await screen.findByRole('heading', { level: 1, name: 'My goals' });
    expect(await screen.findByText('No goals yet')).toBeTruthy();
    expect(await screen.findByText('No cycles yet')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(await screen.findByText('Choose the rubric code the goal is about.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Rubric code'), 'STEXPL');
    await user.type(screen.getByLabelText('Goal'), 'Students explain <b>how</b>.');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    // Typed markup shows as the text it is.
    expect(await screen.findByText('Students explain <b>how</b>.')).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Change' }));
    const edit = screen.getAllByLabelText('Goal')[0] as HTMLTextAreaElement;
    await user.clear(edit);
    await user.type(edit, 'Students explain why.');
    await user.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(await screen.findByText('Students explain why.')).toBeTruthy();
    await user.click(await screen.findByText(/Earlier goals for STEXPL/));
    expect(screen.getByText('Students explain <b>how</b>.')).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Set aside' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set this goal aside?' });
    await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));
    expect(await screen.findByText('No goals yet')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 30_000);
});
