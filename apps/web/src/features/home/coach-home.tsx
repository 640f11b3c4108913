import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import { useOpenCycle } from '../cycles/cycle.queries';
import { StageTag } from '../cycles/stage-steps';
import { useViewer } from '../session/session.queries';
import { ATTENTION_LABELS, type CaseloadEntry, useCoachDashboard } from './dashboard.queries';

/** The coach's home: the caseload, most urgent first, then the preparation links. */
export function CoachHome() {
  return (
    <>
      <section className="home-section" aria-labelledby="caseload-title">
        <div className="home-section__header">
          <h2 id="caseload-title">Your caseload</h2>
          <Link to="/cycles">All cycles</Link>
        </div>
        <Caseload />
      </section>
      <section className="home-section" aria-labelledby="prepare-title">
        <h2 id="prepare-title">Prepare</h2>
        <ul className="home-links">
          <li className="card">
            <h3 className="card__title">
              <Link to="/library">Stock clips</Link>
            </h3>
            <p className="card__lead">Find a clip to score together, by grade, topic and code.</p>
          </li>
          <li className="card">
            <h3 className="card__title">
              <Link to="/rubrics">Browse the rubrics</Link>
            </h3>
            <p className="card__lead">
              The codes and score levels you will tag clips and annotations with.
            </p>
          </li>
          <li className="card">
            <h3 className="card__title">
              <Link to="/profile">Your profile</Link>
            </h3>
            <p className="card__lead">Check your time zone: meeting times are shown in it.</p>
          </li>
        </ul>
      </section>
    </>
  );
}

function Caseload() {
  const caseload = useCoachDashboard();
  if (caseload.isPending) return <LoadingState label="Loading your caseload…" />;
  if (caseload.isError) {
    return <ErrorState error={caseload.error} level={3} onRetry={() => void caseload.refetch()} />;
  }
  if (caseload.data.length === 0) {
    return (
      <EmptyState title="No teachers yet" level={3}>
        <p className="status__text">
          When your program admin assigns teachers to you, they appear here with their current cycle
          and what it needs from you.
        </p>
      </EmptyState>
    );
  }
  const urgent = caseload.data.filter((e) => e.attention.rank <= 1).length;
  return (
    <>
      <p className="home-section__note">
        {urgent === 0
          ? 'Nothing urgent: teachers are listed by what needs you next.'
          : `${urgent} ${urgent === 1 ? 'teacher needs' : 'teachers need'} you first: listed at the top.`}
      </p>
      <ul className="caseload" aria-label="Your teachers, most urgent first">
        {caseload.data.map((entry) => (
          <CaseloadCard key={entry.teacher.id} entry={entry} />
        ))}
      </ul>
    </>
  );
}

function CaseloadCard({ entry }: { entry: CaseloadEntry }) {
  const { user } = useViewer();
  const { current, attention } = entry;
  const urgent = attention.rank <= 1;
  return (
    <li
      className="card caseload__item"
      data-attention={attention.reason}
      aria-labelledby={`caseload-${entry.teacher.id}`}
    >
      <div className="caseload__head">
        <h3 className="caseload__name" id={`caseload-${entry.teacher.id}`}>
          <Link to={`/teachers/${entry.teacher.id}`}>{entry.teacher.name}</Link>
        </h3>
        {current ? (
          <span className="caseload__cycle">
            <Link to={`/cycles/${current.id}`}>Cycle {current.number}</Link>
            <StageTag stage={current.stage} />
          </span>
        ) : (
          <span className="caseload__muted">No cycle yet</span>
        )}
      </div>
      <p className={urgent ? 'attention attention--urgent' : 'attention'}>
        {ATTENTION_LABELS[attention.reason]}
      </p>
      <dl className="caseload__facts">
        <div>
          <dt>Next meeting</dt>
          <dd>
            {current?.meetingAt && !current.heldAt ? (
              <time dateTime={current.meetingAt}>
                {formatDateTime(current.meetingAt, user.timeZone)}
              </time>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>Video</dt>
          <dd>
            <VideoCell entry={entry} />
          </dd>
        </div>
        <div>
          <dt>Teacher’s preparation</dt>
          <dd>{current ? <Readiness cycle={current} /> : '—'}</dd>
        </div>
      </dl>
      {entry.canOpenNext && <OpenNextButton entry={entry} />}
    </li>
  );
}

function VideoCell({ entry }: { entry: CaseloadEntry }) {
  const c = entry.current;
  if (c?.stage !== 'awaiting_video') {
    return c?.lesson ? <span>Uploaded</span> : <span className="caseload__muted">—</span>;
  }
  if (!c.videoDueOn) return <span className="caseload__muted">No due date</span>;
  return c.isVideoOverdue ? (
    <strong className="overdue">Overdue since {formatCalendarDate(c.videoDueOn)}</strong>
  ) : (
    <span>Due {formatCalendarDate(c.videoDueOn)}</span>
  );
}

/** Clips watched and the stock clip scored, once the assignment is out. */
function Readiness({ cycle }: { cycle: NonNullable<CaseloadEntry['current']> }) {
  if (!cycle.assignedAt) return <span className="caseload__muted">Not assigned yet</span>;
  const items = [
    { label: 'Clip 1', done: cycle.readiness.clip1Watched },
    { label: 'Clip 2', done: cycle.readiness.clip2Watched },
    ...(cycle.readiness.stockScored === null
      ? []
      : [{ label: 'Stock clip', done: cycle.readiness.stockScored }]),
  ];
  return (
    <ul className="readiness" aria-label="Teacher’s preparation">
      {items.map((item) => (
        <li key={item.label} className={item.done ? 'readiness__item--done' : undefined}>
          <span aria-hidden="true">{item.done ? '✓' : '○'}</span> {item.label}
          <span className="visually-hidden">{item.done ? ': done' : ': not yet'}</span>
        </li>
      ))}
    </ul>
  );
}

function OpenNextButton({ entry }: { entry: CaseloadEntry }) {
  const open = useOpenCycle();
  const navigate = useNavigate();
  const next = (entry.current?.number ?? 0) + 1;
  return (
    <div className="caseload__action">
      <button
        type="button"
        className="button button--small"
        disabled={open.isPending}
        aria-label={`Open cycle ${next} for ${entry.teacher.name}`}
        onClick={() =>
          open.mutate(
            { teacherId: entry.teacher.id },
            { onSuccess: (cycle) => void navigate(`/cycles/${cycle.id}`) },
          )
        }
      >
        {open.isPending ? 'Opening…' : `Open cycle ${next}`}
      </button>
      {open.isError && <ErrorAlert error={open.error} />}
    </div>
  );
}
