import { useId } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDate } from '../../lib/format-time';
import { STAGE_LABELS } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { useTeacherYear } from './log.queries';
import './log.css';

/** The teacher's year cycle by cycle: focus codes, goals, next steps. */
export function YearView({ teacherId }: { teacherId: string }) {
  const year = useTeacherYear(teacherId);
  const { user } = useViewer();
  const headingId = useId();
  return (
    <section className="year-view" aria-labelledby={headingId}>
      <h2 id={headingId}>The year, cycle by cycle</h2>
      {year.isPending ? (
        <LoadingState label="Loading the year…" />
      ) : year.isError ? (
        <ErrorState error={year.error} level={3} onRetry={() => void year.refetch()} />
      ) : year.data.cycles.length === 0 ? (
        <EmptyState title="No cycles yet" level={3}>
          <p className="status__text">Each coaching cycle appears here once it is opened.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table year-view__table">
            <caption className="visually-hidden">
              Coaching cycles of {year.data.teacherName}
            </caption>
            <thead>
              <tr>
                <th scope="col">Cycle</th>
                <th scope="col">Lesson</th>
                <th scope="col">Stage</th>
                <th scope="col">Focus codes</th>
                <th scope="col">Goals</th>
                <th scope="col">Teacher's next step</th>
              </tr>
            </thead>
            <tbody>
              {year.data.cycles.map((cycle) => (
                <tr key={cycle.id}>
                  <th scope="row">
                    <Link to={`/cycles/${encodeURIComponent(cycle.id)}`}>#{cycle.number}</Link>
                  </th>
                  <td>
                    {cycle.lesson ? (
                      <>
                        {cycle.lesson.title}
                        <br />
                        <span className="small muted">
                          {formatCalendarDate(cycle.lesson.taughtOn)}
                        </span>
                      </>
                    ) : (
                      <span className="muted">No video yet</span>
                    )}
                  </td>
                  <td>{STAGE_LABELS[cycle.stage]}</td>
                  <td>{cycle.focusCodeIds.join(', ') || <span className="muted">None</span>}</td>
                  <td>
                    {cycle.goalIds.length === 0 ? (
                      <span className="muted">None linked</span>
                    ) : (
                      <ul className="year-view__goals">
                        {cycle.goalIds.map((id) => {
                          const goal = year.data.goals.find((g) => g.id === id);
                          return (
                            <li key={id}>
                              {goal ? `${goal.codeId}: ${goal.text}` : 'A removed goal'}
                              {goal?.archivedAt && (
                                <span className="small muted"> (since changed)</span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                  <td>{cycle.teacherNextStep || <span className="muted">Not written yet</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {year.data?.goals.some((g) => g.archivedAt) && (
        <details className="year-view__archived">
          <summary>Goals changed or set aside during the year</summary>
          <ul>
            {year.data.goals
              .filter((g) => g.archivedAt)
              .map((g) => (
                <li key={g.id}>
                  {g.codeId}: {g.text}{' '}
                  <span className="small muted">
                    (until {formatDate(g.archivedAt as string, user.timeZone)})
                  </span>
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}
