import { Link } from 'react-router';
import type { CaseloadEntry, User } from '../../api/client';
import { Alert } from '../../components/alert';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatDateTime } from '../../lib/format-time';
import { useCaseloads } from '../caseload/caseload.queries';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import { useUsers } from './admin.queries';
import { CoachAssignmentRow } from './coach-assignment-row';
import '../../components/table.css';
import './admin.css';

/** `/admin/caseloads`: each teacher's coach, and who coached whom before. */
export default function CaseloadsPage() {
  const users = useUsers();
  const caseloads = useCaseloads();
  const failed = users.error ?? caseloads.error;
  return (
    <div className="admin-page">
      <title>Caseloads · Elevate</title>
      <header className="page-header">
        <h1>Caseloads</h1>
        <p className="page-header__lead">
          Give each teacher a coach. A coach sees the lessons of their current teachers only; past
          assignments stay on record below.
        </p>
      </header>
      {users.isPending || caseloads.isPending ? (
        <LoadingState label="Loading caseloads…" />
      ) : failed ? (
        <ErrorState
          error={failed}
          onRetry={() => {
            void users.refetch();
            void caseloads.refetch();
          }}
        />
      ) : (
        <>
          <Assignments users={users.data ?? []} />
          <History entries={caseloads.data ?? []} />
        </>
      )}
    </div>
  );
}

function Assignments({ users }: { users: readonly User[] }) {
  const teachers = users.filter((u) => u.role === 'teacher' && u.status !== 'deactivated');
  const coaches = users.filter((u) => u.role === 'coach' && u.status !== 'deactivated');
  return (
    <section className="admin-section" aria-labelledby="assign-title">
      <h2 id="assign-title">Teachers and their coaches</h2>
      {teachers.length > 0 && coaches.length === 0 && (
        <Alert tone="info" title="No coaches yet">
          <p>
            <Link to={PAGES.users.to}>Invite a coach</Link> first; then assign them teachers here.
          </p>
        </Alert>
      )}
      {teachers.length === 0 ? (
        <EmptyState title="No teachers yet">
          <p className="status__text">
            Teachers you invite on the <Link to={PAGES.users.to}>Users page</Link> appear here,
            ready for a coach.
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Teacher</th>
                <th scope="col">Coach</th>
              </tr>
            </thead>
            <tbody>
              {teachers.map((teacher) => (
                <CoachAssignmentRow key={teacher.id} teacher={teacher} coaches={coaches} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function History({ entries }: { entries: readonly CaseloadEntry[] }) {
  const { user } = useViewer();
  const sorted = [...entries].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <section className="admin-section" aria-labelledby="history-title">
      <h2 id="history-title">Assignment history</h2>
      {sorted.length === 0 ? (
        <p className="muted">No teacher has had a coach yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Teacher</th>
                <th scope="col">Coach</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.teacherName}</td>
                  <td>{entry.coachName}</td>
                  <td className="table__nowrap">{formatDateTime(entry.startsAt, user.timeZone)}</td>
                  <td className="table__nowrap">
                    {entry.endsAt ? (
                      formatDateTime(entry.endsAt, user.timeZone)
                    ) : (
                      <span className="tag tag--success">Current</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
