import type { Code, Scale } from '@elevate/rubric';
import { SCALE_DIRECTIONS } from '@elevate/rubric';
import './code-card.css';

type Props = { code: Code; scale: Scale; isFocus: boolean };

/** One rubric code: its id badge, name, tags and our own one-line paraphrase. */
export function CodeCard({ code, scale, isFocus }: Props) {
  const isInverted = scale.direction === SCALE_DIRECTIONS.higherIsWorse;
  const className = code.isOverall ? 'code-card code-card--overall' : 'code-card';
  return (
    <li className={className} id={`code-${code.id}`}>
      <h3 className="code-card__title">
        <span className="code-badge">{code.id}</span>
        <span className="code-card__name">{code.name}</span>
      </h3>
      {(code.isOverall || isInverted || isFocus) && (
        <p className="code-card__tags">
          {code.isOverall && <span className="tag tag--domain">Overall</span>}
          {isInverted && <span className="tag tag--warning">Higher = more errors</span>}
          {isFocus && <span className="tag tag--accent">Coaching focus</span>}
        </p>
      )}
      <p className="code-card__paraphrase">{code.paraphrase}</p>
    </li>
  );
}
