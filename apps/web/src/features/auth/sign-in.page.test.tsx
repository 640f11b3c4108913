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

describe('sign-in page, against the real API', () => {
  it('says so when the password is wrong, and stays on the page', async () => {
    const { user, location, jar } = await renderApp(seeded, '/sign-in');
    await user.type(await screen.findByLabelText('Email'), seeded.coach.email);
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('That email and password do not match')).toBeTruthy();
    expect(location.current).toBe('/sign-in');
    expect(jar.has('elevate.session_token')).toBe(false);
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('checks for empty fields before asking the server', async () => {
    const { user } = await renderApp(seeded, '/sign-in');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    // Focus goes to the first field to fix, so its error is read out.
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
  });

  it('signs in and goes home, where the header names the user', async () => {
    const { user, location, jar } = await renderApp(seeded, '/sign-in');
    await user.type(await screen.findByLabelText('Email'), 'COACH@north.test');
    await user.type(screen.getByLabelText('Password'), seeded.coach.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Cole Coach' }),
    ).toBeTruthy();
    expect(location.current).toBe('/');
    expect(jar.has('elevate.session_token')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cole Coach (Coach), account menu' })).toBeTruthy();
    // The coach's home lists their teachers.
    expect(await screen.findByRole('heading', { level: 3, name: 'Tina Teacher' })).toBeTruthy();
  });

  it('returns a signed-out visitor to the page they asked for', async () => {
    const { user, location } = await renderApp(seeded, '/admin/audit?user=x');
    expect(await screen.findByText('Sign in to open that page')).toBeTruthy();
    expect(location.current).toBe(`/sign-in?next=${encodeURIComponent('/admin/audit?user=x')}`);

    await user.type(screen.getByLabelText('Email'), seeded.admin.email);
    await user.type(screen.getByLabelText('Password'), seeded.admin.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail' })).toBeTruthy();
    expect(location.current).toBe('/admin/audit?user=x');
  });

  it('shows the server’s wait time once sign-in is rate limited', async () => {
    const email = seeded.teacher.email;
    const stranger = await seeded.signedIn(seeded.admin); // any browser will do for the failures
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await stranger('http://localhost/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong password!' }),
      });
    }
    const { user } = await renderApp(seeded, '/sign-in');
    await user.type(await screen.findByLabelText('Email'), email);
    await user.type(screen.getByLabelText('Password'), seeded.teacher.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Too many attempts')).toBeTruthy();
    expect(alert.textContent).toMatch(/please wait about \d+ minutes? and try again/);
  });

  it('sends a signed-in user straight on', async () => {
    const { location } = await renderApp(seeded, '/sign-in?next=/rubrics', {
      signedInAs: seeded.coach,
    });
    await waitFor(() => expect(location.current).toBe('/rubrics'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rubrics' })).toBeTruthy();
  });
});
