import { Link, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from './error-boundary';
import { PrimaryNav } from './primary-nav';
import './app-shell.css';

/** The frame every page sits in: skip link, header with navigation, main region, footer. */
export function AppShell() {
  const location = useLocation();
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
          <PrimaryNav />
        </div>
      </header>
      {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="container">
          {/* Keyed by path: a crash on one page is forgotten once the user navigates away. */}
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
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
