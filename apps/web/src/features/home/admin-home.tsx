import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import { useUsers } from '../admin/admin.queries';
import { STAGE_LABELS, STAGE_ORDER } from '../cycles/cycle.queries';
import { StageTag } from '../cycles/stage-steps';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import {
  type ProgramDashboard,
  RESEARCH_EXPORT_PATH,
  useProgramDashboard,
} from './dashboard.queries';
import '../../components/table.css';

const QUICK_LINKS = [
  { page: PAGES.users, text: 'Invite coaches and teachers, change roles, deactivate accounts.' },
  { page: PAGES.caseloads, text: 'Give each teacher a coach, and see who coached whom before.' },
  { page: PAGES.outbox, text: 'Mail Elevate sent, with invitation and reset links to copy.' },
  { page: PAGES.audit, text: 'Who signed in, and who changed what, and when.' },
  { page: PAGES.rubrics, text: 'The observation frameworks lessons are coached against.' },
] as const;

export function AdminHome() {
  const users = useUsers();
  return (
    <>
      <section className="home-section" aria-labelledby="glance-title">
        <h2 id="glance-title">Your program at a glance</h2>
        {users.isPending ? (
          <LoadingState label="Counting people…" />
        ) : users.isError ? (
          <ErrorState error={users.error} level={3} onRetry={() => void users.refetch()} />
        ) : (
          <Glance users={users.data} />
        )}
      </section>
      <CoachingSection />
      <section className="home-section" aria-labelledby="manage-title">
        <h2 id="manage-title">Manage</h2>
        <ul className="home-links">
          {QUICK_LINKS.map(({ page, text }) => (
            <li key={page.to} className="card">
              <h3 className="card__title">
                <Link to={page.to}>{page.label}</Link>
              </h3>
              <p className="card__lead">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type Person = { role: string; status: string; coachId?: string | null | undefined };

function Glance({ users }: { users: readonly Person[] }) {
  const active = users.filter((u) => u.status === 'active');
  const invited = users.filter((u) => u.status === 'invited').length;
  const count = (role: string) => active.filter((u) => u.role === role).length;
  const uncoached = users.filter(
    (u) => u.role === 'teacher' && u.status !== 'deactivated' && !u.coachId,
  ).length;
  const stats = [
    { label: 'Coaches', value: count('coach'), to: PAGES.users.to },
    { label: 'Teachers', value: count('teacher'), to: PAGES.users.to },
    { label: 'Waiting to join', value: invited, to: PAGES.users.to },
    { label: 'Teachers without a coach', value: uncoached, to: PAGES.caseloads.to },
  ];
  return (
    <>
      <ul className="home-stats">
        {stats.map((stat) => (
          <li key={stat.label} className="card home-stats__item">
            <Link to={stat.to} className="home-stats__link">
              <span className="home-stats__value">{stat.value}</span>
              <span className="home-stats__label">{stat.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      {users.length <= 1 && (
        <p className="home-section__note">
          Only you so far. Start by{' '}
          <Link to={PAGES.users.to}>inviting your coaches and teachers</Link>; each gets a link to
          set their password.
        </p>
      )}
    </>
  );
}

/** The program's coaching: current stages, overdue items, each teacher's cycles, the export. */
function CoachingSection() {
  const program = useProgramDashboard();
  return (
    <section className="home-section" aria-labelledby="coaching-title">
      <div className="home-section__header">
        <h2 id="coaching-title">Coaching cycles</h2>
        <a className="button button--secondary" href={RESEARCH_EXPORT_PATH} download>
          Download the research export (CSV)
        </a>
      </div>
      <p className="home-section__note">
        The export is de-identified: people appear as codes that change with every download, and it
        holds no names, emails or written comments.
      </p>
      {program.isPending ? (
        <LoadingState label="Loading the program’s cycles…" />
      ) : program.isError ? (
        <ErrorState error={program.error} level={3} onRetry={() => void program.refetch()} />
      ) : (
        <ProgramGlance data={program.data} />
      )}
    </section>
  );
}

function ProgramGlance({ data }: { data: ProgramDashboard }) {
  const { user } = useViewer();
  const { totals } = data;
  if (totals.teachers === 0) {
    return (
      <EmptyState title="No teachers yet" level={3}>
        <p className="status__text">
          Once teachers join and have a coach, their coaching cycles show here.
        </p>
      </EmptyState>
    );
  }
  const stats = [
    { label: 'Cycles so far', value: totals.cycles },
    { label: 'Videos overdue', value: totals.overdueVideos },
    { label: 'Meetings not marked held', value: totals.overdueMeetings },
    { label: 'Teachers without a coach', value: totals.withoutCoach },
  ];
  return (
    <>
      <ul className="home-stats">
        {stats.map((stat) => (
          <li key={stat.label} className="card home-stats__item">
            <span className="home-stats__link">
              <span className="home-stats__value">{stat.value}</span>
              <span className="home-stats__label">{stat.label}</span>
            </span>
          </li>
        ))}
      </ul>
      <dl className="stage-counts" aria-label="Teachers’ current cycles by stage">
        {STAGE_ORDER.map((stage) => (
          <div key={stage} className="stage-counts__item">
            <dt>{STAGE_LABELS[stage]}</dt>
            <dd>{data.stageCounts[stage]}</dd>
          </div>
        ))}
      </dl>
      <div className="table-wrap">
        <table className="table">
          <caption>Teachers and their current cycle</caption>
          <thead>
            <tr>
              <th scope="col">Teacher</th>
              <th scope="col">Coach</th>
              <th scope="col">Cycles</th>
              <th scope="col">Current stage</th>
              <th scope="col">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {data.teachers.map((row) => (
              <tr key={row.teacher.id}>
                <th scope="row">
                  <Link to={`/teachers/${row.teacher.id}`}>{row.teacher.name}</Link>
                </th>
                <td>{row.coachName ?? <span className="caseload__muted">No coach</span>}</td>
                <td>{row.cycleCount}</td>
                <td>
                  {row.current ? (
                    <span className="caseload-table__cycle">
                      Cycle {row.current.number} <StageTag stage={row.current.stage} />
                    </span>
                  ) : (
                    <span className="caseload__muted">No cycle yet</span>
                  )}
                </td>
                <td>
                  {row.current?.isVideoOverdue && row.current.videoDueOn ? (
                    <strong className="overdue">
                      Video due {formatCalendarDate(row.current.videoDueOn)}
                    </strong>
                  ) : row.isMeetingOverdue && row.current?.meetingAt ? (
                    <strong className="overdue">
                      Meeting {formatDateTime(row.current.meetingAt, user.timeZone)} not marked held
                    </strong>
                  ) : (
                    <span className="caseload__muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
