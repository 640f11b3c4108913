import type { Role, User } from '../../api/client';
import { ROLE_LABELS, ROLE_OPTIONS } from '../session/access';
import { StatusBadge } from './status-badge';

type Props = {
  users: readonly User[];
  viewerId: string;
  coachNames: ReadonlyMap<string, string>;
  /** The user an action is running for: their buttons wait. */
  busyId: string | null;
  onRole: (user: User, role: Role) => void;
  onDeactivate: (user: User) => void;
  onReactivate: (user: User) => void;
  onResend: (user: User) => void;
};

export function UsersTable(props: Props) {
  return (
    <div className="table-wrap">
      <table className="table users-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col" className="users-table__coach-col">
              Coach
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <UserRow key={user.id} user={user} {...props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user, ...props }: Props & { user: User }) {
  const isViewer = user.id === props.viewerId;
  const isBusy = props.busyId === user.id;
  return (
    <tr>
      <th scope="row" className="users-table__name">
        <span className="table__primary">
          {user.name} {isViewer && <span className="tag tag--accent">You</span>}
        </span>
        <span className="table__secondary">{user.email}</span>
        {user.role === 'teacher' && (
          <span className="table__secondary users-table__coach-inline">
            Coach: {coachOf(user, props.coachNames)}
          </span>
        )}
      </th>
      <td>
        <select
          className="input select"
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={isViewer || user.status === 'deactivated'}
          title={isViewer ? 'Another admin can change your role.' : undefined}
          onChange={(event) => props.onRole(user, event.target.value as Role)}
        >
          {ROLE_OPTIONS.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <StatusBadge status={user.status} />
      </td>
      <td className="users-table__coach-col">
        {user.role !== 'teacher' ? (
          <span className="muted">
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">Not applicable</span>
          </span>
        ) : user.coachId ? (
          coachOf(user, props.coachNames)
        ) : (
          <span className="muted">No coach</span>
        )}
      </td>
      <td>
        <div className="table__actions">
          {user.status === 'invited' && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={isBusy}
              aria-label={`Resend invitation to ${user.name}`}
              onClick={() => props.onResend(user)}
            >
              Resend invitation
            </button>
          )}
          {user.status === 'deactivated' ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={isBusy}
              aria-label={`Reactivate ${user.name}`}
              onClick={() => props.onReactivate(user)}
            >
              Reactivate
            </button>
          ) : (
            !isViewer && (
              <button
                type="button"
                className="button button--secondary button--small button--danger-outline"
                disabled={isBusy}
                aria-label={`Deactivate ${user.name}`}
                onClick={() => props.onDeactivate(user)}
              >
                Deactivate
              </button>
            )
          )}
        </div>
      </td>
    </tr>
  );
}

function coachOf(user: User, coachNames: ReadonlyMap<string, string>): string {
  if (!user.coachId) return 'No coach';
  return coachNames.get(user.coachId) ?? 'Unknown coach';
}
