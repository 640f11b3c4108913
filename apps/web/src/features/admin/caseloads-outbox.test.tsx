import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteThroughApi, type SeededApi, startSeededApi } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

describe('admin caseloads page, against the real API', () => {
  it('changes a teacher’s coach, says so, and keeps the old assignment in the history', async () => {
    const { user } = await renderApp(seeded, '/admin/caseloads', { signedInAs: seeded.admin });
    const select = (await screen.findByLabelText('Coach for Tina Teacher', {
      exact: true,
    })) as HTMLSelectElement;
    const save = screen.getByRole('button', { name: 'Save coach for Tina Teacher' });
    expect(select.value).toBe(seeded.coach.id);
    expect((save as HTMLButtonElement).disabled).toBe(true);

    await user.selectOptions(select, 'No coach');
    await user.click(save);
    expect(await screen.findByText('Saved: Tina Teacher has no coach.')).toBeTruthy();

    const history = screen.getByRole('region', { name: 'Assignment history' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Cole Coach');
    expect(within(rows[0] as HTMLElement).queryByText('Current')).toBeNull();
  });
});

describe('admin outbox page, against the real API', () => {
  it('shows messages with clickable links, and user-typed text only as text', async () => {
    await inviteThroughApi(seeded, {
      email: 'mal@north.test',
      name: '<img src=x onerror="alert(1)"> Mal',
      role: 'teacher',
    });
    const { user, container } = await renderApp(seeded, '/admin/outbox', {
      signedInAs: seeded.admin,
    });
    const summary = await screen.findByText('To mal@north.test');
    await user.click(summary);

    const message = summary.closest('details') as HTMLDetailsElement;
    expect(message.open).toBe(true);
    const link = within(message).getByRole('link', { name: /\/invitation\// });
    expect(link.getAttribute('href')).toMatch(/^http:\/\/localhost\/invitation\/[\w-]+$/);
    expect(within(message).getByText(/Hello <img src=x onerror="alert\(1\)"> Mal,/)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(
      within(message).getByRole('button', { name: 'Copy link for mal@north.test' }),
    ).toBeTruthy();
  });
});
