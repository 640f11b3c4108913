import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import type { Cycle } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { type StockScores, useStockScores } from './library.queries';
import { StockChooser } from './stock-chooser';
import { StockComparison } from './stock-comparison';
import { StockScoringForm } from './stock-scoring-form';
import { StockVideo } from './stock-video';
import './library.css';

const STATUS_TEXT: Record<StockScores['status'], string> = {
  none: 'Not scored yet',
  draft: 'Draft saved, not submitted',
  submitted: 'Submitted',
};

/** The cycle's stock clip: choosing it (coach), scoring it (teacher) and the master scores after. */
export function StockSection({ cycle }: { cycle: Cycle }) {
  const { user } = useViewer();
  const scores = useStockScores(cycle.id);
  const choice = `${cycle.stockClipId}:${cycle.stockCodeIds.join()}`;
  const refetchScores = scores.refetch;
  const shownChoice = useRef(choice);
  // A new clip or codes (chosen by the coach) change what is to be scored.
  useEffect(() => {
    if (shownChoice.current === choice) return;
    shownChoice.current = choice;
    void refetchScores();
  }, [choice, refetchScores]);
  const isCoach = user.role === 'coach' && user.id === cycle.coachId;
  const isTeacher = user.role === 'teacher' && user.id === cycle.teacherId;
  return (
    <section className="stock-section card" aria-labelledby="stock-section-title">
      <h2 id="stock-section-title" className="card__title">
        Stock clip
      </h2>
      {scores.isPending ? (
        <LoadingState label="Loading the stock clip…" />
      ) : !scores.data ? (
        <ErrorState error={scores.error} level={3} onRetry={() => void scores.refetch()} />
      ) : (
        <>
          {isCoach && <StockChooser cycle={cycle} isLocked={scores.data.status === 'submitted'} />}
          <StockBody scores={scores.data} isTeacher={isTeacher} isCoach={isCoach} />
        </>
      )}
    </section>
  );
}

function StockBody({
  scores,
  isTeacher,
  isCoach,
}: {
  scores: StockScores;
  isTeacher: boolean;
  isCoach: boolean;
}) {
  const { clip } = scores;
  if (!clip || scores.codes.length === 0) {
    if (isCoach) return null;
    return (
      <EmptyState title="No stock clip yet" level={3}>
        <p className="status__text">
          {isTeacher
            ? 'Your coach chooses a stock clip and the codes to score it on; it appears here.'
            : 'The coach has not chosen a stock clip for this cycle.'}
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="stock-section__body">
      <h3 className="stock-section__clip">
        <Link to={`/library/${clip.id}`}>
          {clip.pseudonym}: {clip.title}
        </Link>
      </h3>
      <p className="small muted">
        Grade {clip.grade} · {clip.topic} · <span>{STATUS_TEXT[scores.status]}</span>
      </p>
      {isTeacher && <StockVideo clip={clip} />}
      {scores.mayScore ? (
        <StockScoringForm scores={scores} />
      ) : isTeacher && !scores.isRevealed ? (
        <p className="status__text">The scores cannot be changed now.</p>
      ) : (
        <>
          {!isTeacher && scores.status !== 'submitted' && (
            <p className="status__text">
              The teacher’s scores show here once they submit them. The master scores:
            </p>
          )}
          <StockComparison scores={scores} perspective={isTeacher ? 'teacher' : 'other'} />
        </>
      )}
    </div>
  );
}
