import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { AppProviders } from '../app';
import { type SeededApi, startSeededApi } from '../test/real-api';
import { renderApp } from '../test/render-app';
import { AppShell } from './app-shell';

let seeded: SeededApi;
beforeAll(async () => {
  seeded = await startSeededApi();
});
afterAll(async () => {
  await seeded?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('boom');
}

describe('app shell', () => {
  it('frames every page with a skip link, the primary navigation and a main region', async () => {
    await renderApp(seeded, '/', { signedInAs: seeded.teacher });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Tina Teacher' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe(
      '#main',
    );
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Home');
    expect(screen.getByRole('main').id).toBe('main');
  });

  it('greets a signed-out visitor with what Elevate is, beside the sign-in form', async () => {
    const { location } = await renderApp(seeded, '/');
    expect(
      await screen.findByRole('heading', { level: 1, name: /Coaching mathematics teachers/ }),
    ).toBeTruthy();
    expect(location.current).toBe('/sign-in');
    expect(screen.getByRole('heading', { level: 2, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How a coaching cycle works' })).toBeTruthy();
    // Nobody is signed in: no destinations to offer yet.
    expect(screen.queryByRole('navigation', { name: 'Primary' })).toBeNull();
  });

  it('answers an unknown address with a not-found page inside the shell', async () => {
    await renderApp(seeded, '/no/such/page', { signedInAs: seeded.coach });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not find that page' }),
    ).toBeTruthy();
    const nav = await screen.findByRole('navigation', { name: 'Primary' });
    expect(within(nav).getByRole('link', { name: 'My teachers' })).toBeTruthy();
  });

  it('shows a friendly message, not a blank screen, when a page crashes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const offline = createApiClient(() => Promise.reject(new Error('no request expected')));
    render(
      <AppProviders
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
        apiClient={offline}
      >
        <MemoryRouter initialEntries={['/broken']}>
          <Routes>
            <Route element={<AppShell />}>
              <Route path="broken" element={<Broken />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </AppProviders>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Something went wrong on this page/);
    expect(screen.queryByText('boom')).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeTruthy();
  });
});
