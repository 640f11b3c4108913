import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { createApiClient } from '../api/client';
import { AppProviders, createQueryClient } from '../app';
import { AppRoutes } from '../routes';
import { browserFetch, CookieJar, type Person, type SeededApi, TEST_ORIGIN } from './real-api';

/** Reports the router's current address to the test. */
function LocationSpy({ into }: { into: { current: string } }) {
  const location = useLocation();
  into.current = `${location.pathname}${location.search}`;
  return null;
}

/**
 * Renders the whole app at `path` against the real in-process API, like a browser tab on
 * TEST_ORIGIN (jsdom's own location is another port, which the CSRF guard would refuse):
 * its own cookie jar (optionally signed in first), the app's own query client, all routes.
 */
export async function renderApp(
  seeded: SeededApi,
  path: string,
  options: { signedInAs?: Pick<Person, 'email' | 'password'> } = {},
) {
  const jar = new CookieJar();
  const fetchImpl = browserFetch(seeded.api, jar);
  if (options.signedInAs) {
    const res = await fetchImpl(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(options.signedInAs),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: HTTP ${res.status}`);
  }
  const location = { current: path };
  const user = userEvent.setup();
  const view = render(
    <AppProviders
      queryClient={createQueryClient()}
      apiClient={createApiClient(fetchImpl, TEST_ORIGIN)}
    >
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationSpy into={location} />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user, jar, location };
}
