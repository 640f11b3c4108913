import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTimeZone } from '../../lib/time-zones';
import { inviteThroughApi, type SeededApi, startSeededApi } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});

describe('invitation page, against the real API', () => {
  it('shows what the invitation is for, then sets up the account and signs in', async () => {
    const token = await inviteThroughApi(seeded, {
      email: 'nia@north.test',
      name: 'Nia New',
      role: 'teacher',
    });
    const { user, location, jar } = await renderApp(seeded, `/invitation/${token}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join North District on Elevate' }),
    ).toBeTruthy();
    const facts = screen.getByText('Program').closest('dl') as HTMLElement;
    expect(facts.textContent).toContain('North District');
    expect(facts.textContent).toContain('Teacher');
    expect(facts.textContent).toContain('nia@north.test');
    const name = screen.getByLabelText('Your name') as HTMLInputElement;
    expect(name.value).toBe('Nia New');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(browserTimeZone());

    await user.clear(name);
    await user.type(name, 'Nia Newton');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.type(screen.getByLabelText('Repeat password'), 'a long enough password');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'America/Chicago');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Nia Newton' }),
    ).toBeTruthy();
    expect(location.current).toBe('/');
    expect(jar.has('elevate.session_token')).toBe(true);
    expect(await screen.findByText('Upload your first lesson')).toBeTruthy();
    const saved = await seeded.api.ctx.repositories.users.findByEmail('nia@north.test');
    expect(saved).toMatchObject({
      name: 'Nia Newton',
      timeZone: 'America/Chicago',
      status: 'active',
    });
  });

  it('checks the two passwords before asking the server', async () => {
    const token = await inviteThroughApi(seeded, {
      email: 'pat@north.test',
      name: 'Pat Pending',
      role: 'coach',
    });
    const { user, location } = await renderApp(seeded, `/invitation/${token}`);
    await user.type(await screen.findByLabelText('Password'), 'a long enough password');
    await user.type(screen.getByLabelText('Repeat password'), 'a different password');
    await user.click(screen.getByRole('button', { name: 'Join and sign in' }));

    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(location.current).toBe(`/invitation/${token}`);
    const pat = await seeded.api.ctx.repositories.users.findByEmail('pat@north.test');
    expect(pat?.status).toBe('invited');
  });

  it('says a used link has been used, and points to sign-in', async () => {
    const token = await inviteThroughApi(seeded, {
      email: 'uma@north.test',
      name: 'Uma Used',
      role: 'teacher',
    });
    const anonymous = await seeded.signedIn(seeded.admin);
    const accepted = await anonymous(`http://localhost/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Uma Used', password: 'a long enough password' }),
    });
    expect(accepted.status).toBe(200);

    await renderApp(seeded, `/invitation/${token}`);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This invitation has already been used',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to sign in' }).getAttribute('href')).toBe(
      '/sign-in',
    );
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('says an unknown or mangled link is not valid', async () => {
    // Unknown to the API (404), then not even shaped like a token (422): the same message.
    for (const token of ['not-a-real-token-but-long-enough', 'short']) {
      const view = await renderApp(seeded, `/invitation/${token}`);
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: 'This invitation link is not valid',
        }),
      ).toBeTruthy();
      expect(screen.queryByLabelText('Password')).toBeNull();
      view.unmount();
    }
  });
});
