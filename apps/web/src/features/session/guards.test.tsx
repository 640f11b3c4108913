import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

const navLinks = async () =>
  within(await screen.findByRole('navigation', { name: 'Primary' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

const TEACHER_NAV = ['Home', 'My lessons', 'Cycles', 'My goals', 'Stock clips', 'Rubrics'];

describe('route guards and role navigation', () => {
  it('shows a teacher "Not available to you" at an admin page, and no admin links', async () => {
    const { location } = await renderApp(seeded, '/admin/users', {
      signedInAs: seeded.teacher,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not available to you' }),
    ).toBeTruthy();
    expect(location.current).toBe('/admin/users');
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe(
      '/',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(await navLinks()).toEqual(TEACHER_NAV);
  });

  it('keeps a coach out of admin pages but lets them see their teachers', async () => {
    await renderApp(seeded, '/admin/outbox', { signedInAs: seeded.coach });
    expect(await screen.findByText('Not available to you')).toBeTruthy();
    expect(await navLinks()).toEqual([
      'Home',
      'My teachers',
      'Lessons',
      'Cycles',
      'Stock clips',
      'Rubrics',
    ]);
  });

  it('shows the admin every admin page in the navigation', async () => {
    await renderApp(seeded, '/', { signedInAs: seeded.admin });
    expect(await navLinks()).toEqual([
      'Home',
      'Users',
      'Caseloads',
      'Outbox',
      'Audit trail',
      'Stock clips',
      'Rubrics',
    ]);
  });

  it('keeps the coach-only page from a teacher too', async () => {
    await renderApp(seeded, '/caseload', { signedInAs: seeded.teacher });
    expect(await screen.findByText('Not available to you')).toBeTruthy();
  });

  it('signs out from the account menu and lands on the sign-in page', async () => {
    const { user, location, jar } = await renderApp(seeded, '/rubrics', {
      signedInAs: seeded.teacher,
    });
    await user.click(
      await screen.findByRole('button', { name: 'Tina Teacher (Teacher), account menu' }),
    );
    expect(screen.getByRole('link', { name: 'Profile' }).getAttribute('href')).toBe('/profile');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('You are signed out')).toBeTruthy();
    expect(location.current).toBe('/sign-in');
    expect(jar.has('elevate.session_token')).toBe(false);
    expect(screen.queryByRole('navigation', { name: 'Primary' })).toBeNull();
  });

  it('sends the user to sign in again when the session ends under them', async () => {
    const { user, location } = await renderApp(seeded, '/rubrics', {
      signedInAs: seeded.teacher,
    });
    const link = await within(screen.getByRole('main')).findByRole('link', {
      name: /Mathematical Quality of Instruction/,
    });
    // As an admin's deactivation or an idle timeout would: every session of the user ends.
    await seeded.api.ctx.repositories.users.deleteSessions(seeded.teacher.id);
    await user.click(link);

    expect(await screen.findByText('Your session has ended')).toBeTruthy();
    await waitFor(() =>
      expect(location.current).toBe(
        `/sign-in?next=${encodeURIComponent(link.getAttribute('href') ?? '')}&reason=expired`,
      ),
    );
  });

  it('follows a role change made while the user was signed in', async () => {
    const demoted = await seeded.api.ctx.services.setup.createAccount(seeded.program.id, {
      email: 'second.admin@north.test',
      name: 'Sid Second',
      role: 'admin',
      password: seeded.admin.password,
    });
    const { user } = await renderApp(seeded, '/', {
      signedInAs: { email: 'second.admin@north.test', password: seeded.admin.password },
    });
    expect(await navLinks()).toContain('Outbox');
    // Another admin makes them a teacher; their next admin request is refused.
    await seeded.api.ctx.repositories.users.update(demoted, { role: 'teacher' });
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    await user.click(within(nav).getByRole('link', { name: 'Outbox' }));

    expect(await screen.findByRole('heading', { name: 'Not available to you' })).toBeTruthy();
    await waitFor(async () => expect(await navLinks()).toEqual(TEACHER_NAV));
  });
});
