import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { AppProviders } from '../app';
import { AppRoutes } from '../routes';
import { AppShell } from './app-shell';

// These pages fetch nothing, so the client's fetch must never be called.
const apiClient = createApiClient(() => Promise.reject(new Error('no request expected')));

function renderRoutes(path: string, routes = <AppRoutes />) {
  return render(
    <AppProviders queryClient={new QueryClient()} apiClient={apiClient}>
      <MemoryRouter initialEntries={[path]}>{routes}</MemoryRouter>
    </AppProviders>,
  );
}

function Broken(): never {
  throw new Error('boom');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('app shell', () => {
  it('frames every page with a skip link, the primary navigation and a main region', () => {
    renderRoutes('/');
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe(
      '#main',
    );
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Home');
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Coaching/);
  });

  it('answers an unknown address with a not-found page inside the shell', () => {
    renderRoutes('/no/such/page');
    expect(
      screen.getByRole('heading', { level: 1, name: 'We could not find that page' }),
    ).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Primary' })).toBeTruthy();
  });

  it('shows a friendly message, not a blank screen, when a page crashes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderRoutes(
      '/broken',
      <Routes>
        <Route element={<AppShell />}>
          <Route path="broken" element={<Broken />} />
        </Route>
      </Routes>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Something went wrong on this page/);
    expect(screen.queryByText('boom')).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeTruthy();
  });
});
