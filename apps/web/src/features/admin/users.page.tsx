import { useState } from 'react';
import type { Role, User } from '../../api/client';
import { Alert, ErrorAlert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { ROLE_LABELS } from '../session/access';
import { useViewer } from '../session/session.queries';
import { type AccountAction, useAccountAction, useChangeRole, useUsers } from './admin.queries';
import { InviteForm } from './invite-form';
import { UsersTable } from './users-table';
import '../../components/table.css';
import './admin.css';

const DONE: Record<AccountAction, (name: string) => string> = {
  deactivate: (name) => `${name} is deactivated and signed out everywhere.`,
  reactivate: (name) => `${name} can sign in again.`,
  'resend-invitation': (name) =>
    `A new invitation for ${name} is in the Outbox; the old link no longer works.`,
};

/** `/admin/users`: everyone in the program, and inviting, re-roling and deactivating them. */
export default function UsersPage() {
  const me = useViewer();
  const users = useUsers();
  const changeRole = useChangeRole();
  const accountAction = useAccountAction();
  const [roleChange, setRoleChange] = useState<{ user: User; role: Role } | null>(null);
  const [toDeactivate, setToDeactivate] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const runAction = (user: User, action: AccountAction, after?: () => void) => {
    setNotice(null);
    accountAction.mutate(
      { id: user.id, action },
      {
        onSuccess: () => {
          setNotice(DONE[action](user.name));
          after?.();
        },
      },
    );
  };

  const coachNames = new Map(
    (users.data ?? []).filter((u) => u.role === 'coach').map((u) => [u.id, u.name]),
  );

  return (
    <div className="admin-page">
      <title>Users · Elevate</title>
      <header className="page-header">
        <h1>Users</h1>
        <p className="page-header__lead">
          Everyone in {me.program.name}. Invite people, change what they may do, and deactivate
          accounts that should no longer sign in.
        </p>
      </header>
      <InviteForm />
      <section className="admin-section" aria-labelledby="people-title">
        <div className="admin-section__header">
          <h2 id="people-title">People</h2>
          {users.data && (
            <p className="muted small">
              {users.data.length} {users.data.length === 1 ? 'account' : 'accounts'}
            </p>
          )}
        </div>
        {notice && <Alert tone="success" title={notice} />}
        {accountAction.isError && !toDeactivate && <ErrorAlert error={accountAction.error} />}
        {users.isPending ? (
          <LoadingState label="Loading people…" />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <UsersTable
            users={users.data}
            viewerId={me.user.id}
            coachNames={coachNames}
            busyId={accountAction.isPending ? accountAction.variables.id : null}
            onRole={(user, role) => {
              changeRole.reset();
              setRoleChange({ user, role });
            }}
            onDeactivate={(user) => {
              accountAction.reset();
              setToDeactivate(user);
            }}
            onReactivate={(user) => runAction(user, 'reactivate')}
            onResend={(user) => runAction(user, 'resend-invitation')}
          />
        )}
        {users.data?.length === 1 && (
          <p className="muted">
            No one else yet. Invite your coaches and teachers above; each gets a link to join.
          </p>
        )}
      </section>

      {roleChange && (
        <ConfirmDialog
          title={`Change ${roleChange.user.name}'s role?`}
          confirmLabel={`Make ${ROLE_LABELS[roleChange.role].toLowerCase()}`}
          pendingLabel="Changing…"
          isPending={changeRole.isPending}
          onCancel={() => setRoleChange(null)}
          onConfirm={() =>
            changeRole.mutate(
              { id: roleChange.user.id, role: roleChange.role },
              {
                onSuccess: () => {
                  setNotice(
                    `${roleChange.user.name} is now ${article(roleChange.role)} ${ROLE_LABELS[roleChange.role].toLowerCase()}.`,
                  );
                  setRoleChange(null);
                },
              },
            )
          }
        >
          <p>
            {roleChange.user.name} changes from {ROLE_LABELS[roleChange.user.role].toLowerCase()} to{' '}
            {ROLE_LABELS[roleChange.role].toLowerCase()}, from their next click on.
          </p>
          {roleChange.user.role !== 'admin' && (
            <p>
              {roleChange.user.role === 'coach'
                ? 'Their teachers lose them as coach: give those teachers a new coach on the Caseloads page.'
                : 'Their current coach assignment ends.'}
            </p>
          )}
          {changeRole.isError && <ErrorAlert error={changeRole.error} />}
        </ConfirmDialog>
      )}

      {toDeactivate && (
        <ConfirmDialog
          title={`Deactivate ${toDeactivate.name}?`}
          confirmLabel="Deactivate"
          pendingLabel="Deactivating…"
          tone="danger"
          isPending={accountAction.isPending}
          onCancel={() => setToDeactivate(null)}
          onConfirm={() => runAction(toDeactivate, 'deactivate', () => setToDeactivate(null))}
        >
          <p>
            {toDeactivate.name} is signed out everywhere at once and cannot sign in until you
            reactivate the account. Their caseload assignments end. Nothing they made is deleted.
          </p>
          {accountAction.isError && <ErrorAlert error={accountAction.error} />}
        </ConfirmDialog>
      )}
    </div>
  );
}

function article(role: Role): string {
  return role === 'admin' ? 'an' : 'a';
}
