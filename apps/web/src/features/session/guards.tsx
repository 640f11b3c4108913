import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../api/client';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { ROLE_LABELS } from './access';
import { useMe, useViewer } from './session.queries';

/**
 * Renders its routes for a signed-in user only. Anyone else goes to the sign-in page,
 * which brings them back here afterwards (unless they just chose to sign out).
 */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState label="Checking your session…" />;
  if (me.isError) {
    return <ErrorState error={me.error} level={1} onRetry={() => void me.refetch()} />;
  }
  if (me.data.user === null) {
    const params = new URLSearchParams();
    const here = `${location.pathname}${location.search}`;
    if (me.data.reason !== 'signed-out' && here !== '/') params.set('next', here);
    if (me.data.reason === 'expired') params.set('reason', 'expired');
    const query = params.toString();
    return <Navigate to={query ? `/sign-in?${query}` : '/sign-in'} replace />;
  }
  return <Outlet />;
}

/** Renders its routes for the given roles; anyone else sees "Not available to you". */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { user } = useViewer();
  return roles.includes(user.role) ? <Outlet /> : <NotAvailablePage role={user.role} />;
}

/** What a signed-in user sees at an address their role may not open. */
export function NotAvailablePage({ role }: { role: Role }) {
  return (
    <section className="status" aria-labelledby="not-available-title">
      <title>Not available to you · Elevate</title>
      <p className="tag">{ROLE_LABELS[role]}</p>
      <h1 id="not-available-title" className="status__title">
        Not available to you
      </h1>
      <p className="status__text">
        This page is not part of what your role ({ROLE_LABELS[role].toLowerCase()}) uses in Elevate.
        If you think you need it, ask your program admin.
      </p>
      <div className="status__actions">
        <Link className="button" to="/">
          Go to the home page
        </Link>
      </div>
    </section>
  );
}
