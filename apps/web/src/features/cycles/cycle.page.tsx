import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import { AssignmentSection } from '../coaching/assignment-section';
import { PrepSection } from '../coaching/prep-section';
import { StockSection } from '../library/stock-section';
import { LogSection } from '../log/log-section';
import { reviewPath } from '../review/clips/clip-links';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import { type Cycle, useCycle, useDeleteCycle, useUpdateCycle } from './cycle.queries';
import { CycleSettings } from './cycle-settings';
import { StageSteps, StageTag } from './stage-steps';
import './cycles.css';

/** `/cycles/:cycleId`: one coaching cycle, from the video to the log, as one record. */
export default function CyclePage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  if (cycle.isPending) return <LoadingState label="Loading the cycle…" />;
  if (!cycle.data) {
    return (
      <>
        <title>Cycle · Elevate</title>
        <ErrorState error={cycle.error} level={1} onRetry={() => void cycle.refetch()} />
      </>
    );
  }
  return <CycleView cycle={cycle.data} />;
}

function CycleView({ cycle }: { cycle: Cycle }) {
  const { user } = useViewer();
  const isCoach = user.role === 'coach' && user.id === cycle.coachId;
  const title = `Cycle ${cycle.number}`;
  const heading = user.role === 'teacher' ? title : `${title} · ${cycle.teacherName}`;
  return (
    <article className="cycle-page" aria-labelledby="cycle-title">
      <title>{`${heading} · Elevate`}</title>
      <Breadcrumbs
        items={[{ label: PAGES.cycles.label, to: PAGES.cycles.to }, { label: heading }]}
      />
      <header className="page-header cycle-page__header">
        <div className="cycle-page__heading">
          <h1 id="cycle-title">{heading}</h1>
          <StageTag stage={cycle.stage} />
        </div>
        <div className="page-header__actions">
          <Link className="button button--secondary" to={`/cycles/${cycle.id}/conversation`}>
            Conversation view
          </Link>
        </div>
      </header>
      <StageSteps stage={cycle.stage} />
      <div className="cycle-page__layout">
        <div className="cycle-page__main">
          <LessonPanel cycle={cycle} />
          {isCoach && <PrepSection cycle={cycle} />}
          <AssignmentSection cycle={cycle} />
          <section id="stock" aria-label="Stock clip" className="cycle-page__anchor">
            <StockSection cycle={cycle} />
          </section>
          <section id="log" aria-label="Collaborative log" className="cycle-page__anchor">
            <LogSection cycle={cycle} />
          </section>
        </div>
        <aside className="cycle-page__aside">
          <CycleFacts cycle={cycle} timeZone={user.timeZone} />
          {isCoach && <CycleSettings cycle={cycle} />}
          {isCoach && <HeldControl cycle={cycle} />}
          {isCoach && cycle.stage === 'awaiting_video' && !cycle.lesson && (
            <DeleteCycle cycle={cycle} />
          )}
        </aside>
      </div>
    </article>
  );
}

function LessonPanel({ cycle }: { cycle: Cycle }) {
  const { user } = useViewer();
  return (
    <section className="card cycle-panel" aria-labelledby="cycle-lesson">
      <h2 id="cycle-lesson" className="card__title">
        Lesson
      </h2>
      {cycle.lesson ? (
        <p>
          <Link to={`/lessons/${cycle.lesson.id}`}>{cycle.lesson.title}</Link>, taught{' '}
          {formatCalendarDate(cycle.lesson.taughtOn)}.{' '}
          {(cycle.lesson.state === 'ready' || cycle.lesson.state === 'not_processed') && (
            <Link to={reviewPath(cycle.lesson.id)}>Open the review</Link>
          )}
        </p>
      ) : user.role === 'teacher' ? (
        <p>
          No video yet.{' '}
          {cycle.videoDueOn && <>Film and upload it by {formatCalendarDate(cycle.videoDueOn)}. </>}
          <Link to={PAGES.newLesson.to}>Upload a lesson</Link>: it becomes this cycle’s video.
        </p>
      ) : (
        <p className="muted">
          Waiting for {cycle.teacherName}’s video
          {cycle.videoDueOn ? `, due ${formatCalendarDate(cycle.videoDueOn)}` : ''}.
        </p>
      )}
    </section>
  );
}

function CycleFacts({ cycle, timeZone }: { cycle: Cycle; timeZone: string }) {
  const { readiness } = cycle;
  const check = (isDone: boolean) => (isDone ? '✓ done' : 'not yet');
  return (
    <section className="card cycle-facts" aria-labelledby="cycle-facts">
      <h2 id="cycle-facts" className="card__title">
        At a glance
      </h2>
      <dl className="cycle-facts__list">
        <dt>Coach</dt>
        <dd>{cycle.coachName}</dd>
        <dt>Video due</dt>
        <dd>
          {cycle.videoDueOn ? formatCalendarDate(cycle.videoDueOn) : 'No date set'}
          {cycle.isVideoOverdue && (
            <span className="tag tag--warning cycle-facts__flag">Overdue</span>
          )}
        </dd>
        <dt>Meeting</dt>
        <dd>{cycle.meetingAt ? formatDateTime(cycle.meetingAt, timeZone) : 'Not scheduled'}</dd>
        <dt>Assignment</dt>
        <dd>
          {cycle.assignedAt ? `Sent ${formatDateTime(cycle.assignedAt, timeZone)}` : 'Not sent'}
        </dd>
        <dt>Clip 1 watched</dt>
        <dd>{check(readiness.clip1Watched)}</dd>
        <dt>Clip 2 watched</dt>
        <dd>{check(readiness.clip2Watched)}</dd>
        <dt>Stock clip scored</dt>
        <dd>{readiness.stockScored === null ? 'No stock clip' : check(readiness.stockScored)}</dd>
      </dl>
    </section>
  );
}

function HeldControl({ cycle }: { cycle: Cycle }) {
  const update = useUpdateCycle(cycle.id);
  const isHeld = cycle.heldAt !== null;
  return (
    <section className="card cycle-panel" aria-labelledby="cycle-held">
      <h2 id="cycle-held" className="card__title">
        Conversation
      </h2>
      <p className="muted small">
        {isHeld
          ? 'Marked as held. Finish the log together to close the cycle.'
          : 'Mark the conversation held once you have met.'}
      </p>
      <button
        type="button"
        className={`button${isHeld ? ' button--secondary' : ''}`}
        disabled={update.isPending}
        onClick={() => update.mutate({ held: !isHeld })}
      >
        {isHeld ? 'Mark as not held' : 'Mark conversation held'}
      </button>
      {update.isError && <ErrorAlert error={update.error} />}
    </section>
  );
}

function DeleteCycle({ cycle }: { cycle: Cycle }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const remove = useDeleteCycle(cycle.id);
  const navigate = useNavigate();
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--danger-outline"
        onClick={() => setIsConfirming(true)}
      >
        Remove this cycle
      </button>
      {isConfirming && (
        <ConfirmDialog
          title={`Remove cycle ${cycle.number}?`}
          confirmLabel="Remove cycle"
          cancelLabel="Keep it"
          pendingLabel="Removing…"
          isPending={remove.isPending}
          tone="danger"
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate(PAGES.cycles.to, { replace: true }),
            })
          }
          onCancel={() => {
            remove.reset();
            setIsConfirming(false);
          }}
        >
          <p>The cycle has no video yet, so nothing else is lost. You can open it again later.</p>
          {remove.isError && <ErrorAlert error={remove.error} />}
        </ConfirmDialog>
      )}
    </>
  );
}
