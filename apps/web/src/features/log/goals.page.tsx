import { NotAvailablePage } from '../session/guards';
import { useViewer } from '../session/session.queries';
import { GoalsPanel } from './goals-panel';
import { YearView } from './year-view';

/** `/goals`: the teacher's goal-setting sheet and their year of cycles. */
export default function GoalsPage() {
  const { user } = useViewer();
  // Coaches see a teacher's goals on that teacher's page; this page is the teacher's own.
  if (user.role !== 'teacher') return <NotAvailablePage role={user.role} />;
  return (
    <>
      <title>My goals · Elevate</title>
      <header className="page-header">
        <h1>My goals</h1>
        <p className="page-header__lead">
          Your goal-setting sheet, and how each coaching cycle worked on it.
        </p>
      </header>
      <GoalsPanel teacherId={user.id} />
      <YearView teacherId={user.id} />
    </>
  );
}
