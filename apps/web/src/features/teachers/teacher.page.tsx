import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import { useOpenCycle } from '../cycles/cycle.queries';
import { StageTag } from '../cycles/stage-steps';
import { type TeacherOverview, useTeacherOverview } from '../home/dashboard.queries';
import { CalibrationChart } from '../library/calibration-chart';
import { GoalsPanel } from '../log/goals-panel';
import { YearView } from '../log/year-view';
import { useViewer } from '../session/session.queries';
import '../../components/table.css';
import './teacher.css';

/** `/teachers/:teacherId`: one teacher for their coach (and the admin): cycles, calibration, goals, the year. */
export default function TeacherPage() {
  const { teacherId = '' } = useParams();
  const overview = useTeacherOverview(teacherId);
  if (overview.isPending) return <LoadingState label="Loading the teacher…" />;
  if (!overview.data) {
    return (
      <>
        <title>Teacher · Elevate</title>
        <ErrorState error={overview.error} level={1} onRetry={() => void overview.refetch()} />
      </>
    );
  }
  return <TeacherView overview={overview.data} />;
}

function TeacherView({ overview }: { overview: TeacherOverview }) {
  const { user } = useViewer();
  const { teacher, coach, cycles } = overview;
  return (
    <article className="teacher-page" aria-labelledby="teacher-title">
      <title>{`${teacher.name} · Elevate`}</title>
      <Breadcrumbs
        items={[
          user.role === 'coach'
            ? { label: 'My teachers', to: '/caseload' }
            : { label: 'Home', to: '/' },
          { label: teacher.name },
        ]}
      />
      <header className="page-header">
        <h1 id="teacher-title">{teacher.name}</h1>
        <p className="page-header__lead">
          {coach ? `Coached by ${coach.name}` : 'No coach at the moment'} ·{' '}
          {cycles.length === 1 ? '1 cycle' : `${cycles.length} cycles`}
        </p>
        {overview.canOpenNext && (
          <div className="page-header__actions">
            <OpenNext overview={overview} />
          </div>
        )}
      </header>
      <section className="teacher-page__section" aria-labelledby="cycles-title">
        <h2 id="cycles-title">Cycles</h2>
        {cycles.length === 0 ? (
          <EmptyState title="No cycles yet" level={3}>
            <p className="status__text">
              {overview.canOpenNext
                ? 'Open the first cycle to set a date for the video and the focus codes.'
                : 'The teacher’s coach opens the first cycle.'}
            </p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Cycles of {teacher.name}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Cycle</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Focus</th>
                  <th scope="col">Lesson</th>
                  <th scope="col">Meeting</th>
                </tr>
              </thead>
              <tbody>
                {cycles.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/cycles/${c.id}`}>Cycle {c.number}</Link>
                    </th>
                    <td>
                      <StageTag stage={c.stage} />
                      {c.isVideoOverdue && c.videoDueOn && (
                        <strong className="overdue">
                          {' '}
                          Video overdue since {formatCalendarDate(c.videoDueOn)}
                        </strong>
                      )}
                    </td>
                    <td>{c.focusCodeIds.join(', ') || '—'}</td>
                    <td>
                      {c.lesson
                        ? `${c.lesson.title} (${formatCalendarDate(c.lesson.taughtOn)})`
                        : c.videoDueOn
                          ? `Due ${formatCalendarDate(c.videoDueOn)}`
                          : '—'}
                    </td>
                    <td>{c.meetingAt ? formatDateTime(c.meetingAt, user.timeZone) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="teacher-page__section" aria-labelledby="calibration-title">
        <h2 id="calibration-title">Calibration</h2>
        <CalibrationChart teacherId={teacher.id} />
      </section>
      <section className="teacher-page__section" aria-labelledby="goals-title">
        <h2 id="goals-title">Goals</h2>
        <GoalsPanel teacherId={teacher.id} />
      </section>
      <section className="teacher-page__section" aria-labelledby="year-title">
        <h2 id="year-title">The year so far</h2>
        <YearView teacherId={teacher.id} />
      </section>
    </article>
  );
}

function OpenNext({ overview }: { overview: TeacherOverview }) {
  const open = useOpenCycle();
  const navigate = useNavigate();
  const next = (overview.cycles[0]?.number ?? 0) + 1;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={open.isPending}
        onClick={() =>
          open.mutate(
            { teacherId: overview.teacher.id },
            { onSuccess: (cycle) => void navigate(`/cycles/${cycle.id}`) },
          )
        }
      >
        {open.isPending ? 'Opening…' : `Open cycle ${next}`}
      </button>
      {open.isError && <ErrorAlert error={open.error} />}
    </>
  );
}
