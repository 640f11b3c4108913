import { formatMinutesSeconds } from '@elevate/timecode';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { type Cycle, useCycle } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { type Prep, usePrep } from './coaching.queries';
import {
  CONVERSATION_OUTLINE,
  CONVERSATION_PROMPTS,
  type StepMedia,
  stepAt,
} from './conversation-outline';
import { PREP_GROUPS } from './prep-questions';
import { useConversationTimer } from './use-conversation-timer';
import './coaching.css';

const QUESTION_LABELS = new Map(
  PREP_GROUPS.flatMap((g) => g.questions).map((q) => [q.name, q.label] as const),
);

/**
 * `/cycles/:cycleId/conversation`: the 60-minute outline as steps with a running timer,
 * one click to each clip and the stock clip, prompts to describe, elevate and plan, the
 * coach's own notes beside each step (for the coach only), and the way to the log.
 */
export default function ConversationPage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  if (cycle.isPending) return <LoadingState label="Loading the conversation…" />;
  if (cycle.isError) {
    return <ErrorState error={cycle.error} level={1} onRetry={() => void cycle.refetch()} />;
  }
  return <Conversation cycle={cycle.data} />;
}

function Conversation({ cycle }: { cycle: Cycle }) {
  const me = useViewer();
  const isCoach = me.user.id === cycle.coachId;
  const prep = usePrep(cycle.id, isCoach);
  const timer = useConversationTimer(cycle.id);
  const position = stepAt(timer.elapsedMs);
  const isOver = position.overMs > 0;
  return (
    <div className="conversation">
      <header className="page-header">
        <p className="small muted">
          <Link to={`/cycles/${cycle.id}`}>Cycle {cycle.number}</Link>
        </p>
        <h1>Conversation with {isCoach ? cycle.teacherName : cycle.coachName}</h1>
        <p className="page-header__lead">
          About 60 minutes, in nine steps. Start the timer when you begin.
        </p>
      </header>

      <section className="card conversation__timer" aria-label="Timer">
        <p className="conversation__clock" aria-live="off">
          <span className="visually-hidden">Elapsed </span>
          {formatMinutesSeconds(timer.elapsedMs)}
          <span className="muted"> / {formatMinutesSeconds(position.totalMs)}</span>
        </p>
        <p role="status" className={isOver ? 'conversation__over' : undefined}>
          {isOver
            ? `Time is over by ${formatMinutesSeconds(position.overMs)}`
            : `Step ${position.index + 1}: ${CONVERSATION_OUTLINE[position.index]?.title}, ${formatMinutesSeconds(position.remainingMs)} left`}
        </p>
        <div className="conversation__controls">
          {timer.isRunning ? (
            <button type="button" className="button" onClick={timer.pause}>
              Pause
            </button>
          ) : (
            <button type="button" className="button" onClick={timer.start}>
              {timer.elapsedMs > 0 ? 'Resume' : 'Start'}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={timer.reset}
            disabled={timer.isRunning || timer.elapsedMs === 0}
          >
            Reset
          </button>
        </div>
      </section>

      <div className="conversation__layout">
        <ol className="conversation__steps">
          {CONVERSATION_OUTLINE.map((step, index) => {
            const isCurrent = index === position.index && timer.elapsedMs > 0;
            return (
              <li
                key={step.title}
                className={`conversation__step${isCurrent ? ' conversation__step--current' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <h2 className="conversation__step-title">
                  {index + 1}. {step.title} <span className="tag">{step.minutes} min</span>
                </h2>
                <p>{step.aim}</p>
                {step.media && <MediaLinks cycle={cycle} media={step.media} />}
                {isCoach && step.notes && prep.data && (
                  <StepNotes prep={prep.data} names={step.notes} />
                )}
              </li>
            );
          })}
        </ol>
        <aside className="conversation__aside" aria-label="Prompts">
          {CONVERSATION_PROMPTS.map((group) => (
            <section key={group.id} className="card conversation__prompts">
              <h2 className="card__title">{group.title}</h2>
              <ul>
                {group.prompts.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </section>
          ))}
          <Link className="button" to={`/cycles/${cycle.id}#log`}>
            Open the collaborative log
          </Link>
        </aside>
      </div>
    </div>
  );
}

const MEDIA_LABELS: Record<StepMedia, string> = {
  stock: 'Play the stock clip',
  clip1: 'Play clip 1',
  clip2: 'Play clip 2',
};

/** Opens in a new tab so the timer here keeps running. */
function MediaLinks({ cycle, media }: { cycle: Cycle; media: StepMedia[] }) {
  const lessonId = cycle.lessonId;
  const href = (m: StepMedia) =>
    m === 'stock'
      ? `/cycles/${cycle.id}#stock`
      : lessonId
        ? `/lessons/${lessonId}/clips/${m === 'clip1' ? 1 : 2}`
        : null;
  return (
    <p className="conversation__media">
      {media.map((m) => {
        const to = href(m);
        if (!to || (m === 'stock' && !cycle.stockClipId)) {
          return (
            <span key={m} className="muted">
              {m === 'stock' ? 'No stock clip chosen' : 'No lesson video yet'}
            </span>
          );
        }
        return (
          <a
            key={m}
            className="button button--secondary button--small"
            href={to}
            target="_blank"
            rel="noopener"
          >
            {MEDIA_LABELS[m]}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        );
      })}
    </p>
  );
}

function StepNotes({ prep, names }: { prep: Prep; names: readonly (keyof Prep['fields'])[] }) {
  const filled = names.filter((n) => prep.fields[n].trim());
  if (filled.length === 0) return null;
  return (
    <details className="conversation__notes">
      <summary>Your notes</summary>
      <dl>
        {filled.map((n) => (
          <div key={n}>
            <dt>{QUESTION_LABELS.get(n)}</dt>
            <dd>{prep.fields[n]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
