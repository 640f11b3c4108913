import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatDate } from '../../lib/format-time';
import { useViewer } from '../session/session.queries';
import { useCaseloads } from './caseload.queries';
import './my-teachers.css';

/** `/caseload`: the coach's current teachers. */
export function MyTeachersPage() {
  return (
    <>
      <title>My teachers · Elevate</title>
      <header className="page-header">
        <h1>My teachers</h1>
        <p className="page-header__lead">
          The teachers you coach now. Your program admin assigns teachers to coaches.
        </p>
      </header>
      <TeacherList headingLevel={2} />
    </>
  );
}

/** The coach's teachers as cards; also on the coach's home page. */
export function TeacherList({ headingLevel }: { headingLevel: 2 | 3 }) {
  const { user } = useViewer();
  const caseload = useCaseloads();
  if (caseload.isPending) return <LoadingState label="Loading your teachers…" />;
  if (caseload.isError) {
    return <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />;
  }
  const teachers = caseload.data
    .filter((entry) => entry.endsAt === null)
    .sort((a, b) => a.teacherName.localeCompare(b.teacherName));
  if (teachers.length === 0) {
    return (
      <EmptyState title="No teachers yet" level={headingLevel}>
        <p className="status__text">
          When your program admin assigns teachers to you, they appear here, and so will their
          lessons once lessons arrive in Elevate.
        </p>
      </EmptyState>
    );
  }
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="teacher-list">
      {teachers.map((entry) => (
        <li key={entry.id} className="card teacher-list__item">
          <span className="teacher-list__avatar" aria-hidden="true">
            {entry.teacherName.trim().charAt(0).toUpperCase() || '?'}
          </span>
          <div>
            <Heading className="teacher-list__name">{entry.teacherName}</Heading>
            <p className="teacher-list__meta">
              Your teacher since {formatDate(entry.startsAt, user.timeZone)}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
