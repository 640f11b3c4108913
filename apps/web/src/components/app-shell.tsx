import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { navFor } from '../features/session/access';
import { useMe } from '../features/session/session.queries';
import { ErrorBoundary } from './error-boundary';
import { PrimaryNav } from './primary-nav';
import { LoadingState } from './status-panels';
import { UserMenu } from './user-menu';
import './app-shell.css';

/**
 * The frame every page sits in: skip link, header with the navigation the viewer's role
 * may use and their account menu, main region, footer.
 */
export function AppShell() {
  const location = useLocation();
  const me = useMe();
  const viewer = me.data?.user ? me.data : null;
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="container app-header__inner">
          <Link to="/" className="app-header__brand">
            <svg className="app-header__logo" viewBox="0 0 32 32" aria-hidden="true">
              <path d="M6 23 13 14l5 5 8-11" />
            </svg>
            <span className="app-header__name">Elevate</span>
            <span className="app-header__tagline">Video-based coaching for math teachers</span>
          </Link>
          <PrimaryNav items={viewer ? navFor(viewer.user.role) : []} />
          {viewer ? (
            <UserMenu me={viewer} />
          ) : (
            me.data &&
            location.pathname !== '/sign-in' && (
              <Link className="app-header__sign-in" to="/sign-in">
                Sign in
              </Link>
            )
          )}
        </div>
      </header>
      {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="container">
          {/* Keyed by path: a crash on one page is forgotten once the user navigates away. */}
          <ErrorBoundary resetKey={location.pathname}>
            {/* Pages loaded on demand (the admin's) show this while they arrive. */}
            <Suspense fallback={<LoadingState label="Loading the page…" />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <footer className="app-footer">
        <div className="container app-footer__inner">
          <p>Elevate is open-source software (AGPL-3.0-or-later), built to be self-hosted.</p>
          <p>
            Built around the{' '}
            <a href="https://cepr.harvard.edu/mqi" rel="noreferrer">
              Mathematical Quality of Instruction
            </a>{' '}
            rubric.
          </p>
        </div>
      </footer>
    </div>
  );
}
