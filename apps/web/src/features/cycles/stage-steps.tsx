import { STAGE_LABELS, STAGE_ORDER, type Stage } from './cycle.queries';

/** The cycle's stages in order, the current one marked; earlier ones read as done. */
export function StageSteps({ stage }: { stage: Stage }) {
  const current = STAGE_ORDER.indexOf(stage);
  return (
    <ol className="stage-steps" aria-label="Stages of the cycle">
      {STAGE_ORDER.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`stage-steps__step stage-steps__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stage-steps__marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              {STAGE_LABELS[s]}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The stage as a coloured tag (the text says it; the colour only helps). */
export function StageTag({ stage }: { stage: Stage }) {
  const tone =
    stage === 'log_complete'
      ? 'success'
      : stage === 'teacher_ready'
        ? 'accent'
        : stage === 'awaiting_video'
          ? 'pending'
          : 'warning';
  return <span className={`tag tag--${tone}`}>{STAGE_LABELS[stage]}</span>;
}
