import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi, TEST_ORIGIN } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

const renderUsers = () => renderApp(seeded, '/admin/users', { signedInAs: seeded.admin });

/** The table row that names the person. */
async function rowOf(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table');
  const header = await within(table).findByRole('rowheader', { name: new RegExp(`^${name}`) });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('admin users page, against the real API', () => {
  it('lists the program’s people with role, status and coach', async () => {
    await renderUsers();
    const tina = await rowOf('Tina Teacher');
    expect(within(tina).getByText('teacher@north.test')).toBeTruthy();
    expect(within(tina).getByText('Active')).toBeTruthy();
    expect(within(tina).getByText('Cole Coach')).toBeTruthy();
    expect(
      (within(tina).getByRole('combobox', { name: 'Role of Tina Teacher' }) as HTMLSelectElement)
        .value,
    ).toBe('teacher');
    // An admin cannot demote or deactivate themself here.
    const nora = await rowOf('Nora Admin');
    expect(within(nora).getByText('You')).toBeTruthy();
    expect(
      (within(nora).getByRole('combobox', { name: 'Role of Nora Admin' }) as HTMLSelectElement)
        .disabled,
    ).toBe(true);
    expect(within(nora).queryByRole('button', { name: /Deactivate/ })).toBeNull();
  });

  it('invites someone: they appear as invited, and the link is in the Outbox', async () => {
    const { user } = await renderUsers();
    const form = (await screen.findByRole('heading', { name: 'Invite someone' })).closest(
      'section',
    ) as HTMLElement;
    await user.type(within(form).getByLabelText('Email'), 'ivy@north.test');
    await user.type(within(form).getByLabelText('Name'), 'Ivy Invitee');
    await user.selectOptions(within(form).getByLabelText('Role'), 'coach');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));

    const sent = await within(form).findByRole('status');
    expect(within(sent).getByText('Invitation sent — the link is in the Outbox')).toBeTruthy();
    expect(within(sent).getByRole('link', { name: 'Open the Outbox' }).getAttribute('href')).toBe(
      '/admin/outbox',
    );
    expect((within(form).getByLabelText('Email') as HTMLInputElement).value).toBe('');

    const ivy = await rowOf('Ivy Invitee');
    expect(within(ivy).getByText('Invited')).toBeTruthy();
    expect(
      within(ivy).getByRole('button', { name: 'Resend invitation to Ivy Invitee' }),
    ).toBeTruthy();

    const asAdmin = await seeded.signedIn(seeded.admin);
    const outbox = (await (await asAdmin(`${TEST_ORIGIN}/api/outbox`)).json()) as {
      items: { to: string; text: string }[];
    };
    expect(outbox.items.find((m) => m.to === 'ivy@north.test')?.text).toMatch(
      /http:\/\/localhost\/invitation\/[A-Za-z0-9_-]+/,
    );
  });

  it('shows the server’s reason next to the email when it is taken', async () => {
    const { user } = await renderUsers();
    const form = (await screen.findByRole('heading', { name: 'Invite someone' })).closest(
      'section',
    ) as HTMLElement;
    await user.type(within(form).getByLabelText('Email'), seeded.coach.email);
    await user.type(within(form).getByLabelText('Name'), 'Someone Else');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(
      await within(form).findByText(`${seeded.coach.email} already has an account.`),
    ).toBeTruthy();
    expect(within(form).getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('deactivates only after confirming in a keyboard-friendly dialog', async () => {
    const { user } = await renderUsers();
    const cole = await rowOf('Cole Coach');
    const deactivate = within(cole).getByRole('button', { name: 'Deactivate Cole Coach' });
    await user.click(deactivate);

    const dialog = screen.getByRole('dialog', { name: 'Deactivate Cole Coach?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Cancel has focus first; Tab stays inside; Escape closes and gives focus back.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.tab();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(deactivate);
    expect(within(cole).getByText('Active')).toBeTruthy();

    await user.click(deactivate);
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }),
    );
    expect(
      await screen.findByText('Cole Coach is deactivated and signed out everywhere.'),
    ).toBeTruthy();
    await waitFor(async () => expect(within(await rowOf('Cole Coach')).getByText('Deactivated')));
    expect(
      within(await rowOf('Cole Coach')).getByRole('button', { name: 'Reactivate Cole Coach' }),
    ).toBeTruthy();
    // Deactivation ended Tina's caseload with Cole.
    expect(within(await rowOf('Tina Teacher')).getByText('No coach')).toBeTruthy();
  });

  it('changes a role after confirmation, and not when cancelled', async () => {
    const { user } = await renderUsers();
    const role = () =>
      within(screen.getByRole('table')).getByRole('combobox', {
        name: 'Role of Tina Teacher',
      }) as HTMLSelectElement;
    await rowOf('Tina Teacher');

    await user.selectOptions(role(), 'admin');
    await user.click(
      within(screen.getByRole('dialog', { name: "Change Tina Teacher's role?" })).getByRole(
        'button',
        { name: 'Cancel' },
      ),
    );
    expect(role().value).toBe('teacher');

    await user.selectOptions(role(), 'coach');
    await user.click(screen.getByRole('button', { name: 'Make coach' }));
    expect(await screen.findByText('Tina Teacher is now a coach.')).toBeTruthy();
    await waitFor(() => expect(role().value).toBe('coach'));
  });
});
