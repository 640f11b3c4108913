import { SCALE_DIRECTIONS, type Scale } from '@elevate/rubric';
import { type CSSProperties, useId } from 'react';
import './levels-strip.css';

/**
 * A scale's score levels, lowest to highest, as a strip whose colour deepens with the level.
 * On an inverted scale the hint says so in words, because colour alone would suggest "better".
 */
export function LevelsStrip({ scale }: { scale: Scale }) {
  const captionId = useId();
  const isInverted = scale.direction === SCALE_DIRECTIONS.higherIsWorse;
  const count = scale.levels.length;
  return (
    <div className="levels">
      <p className="levels__caption" id={captionId}>
        <span>{scale.name}</span>
        {isInverted && <span className="tag tag--warning">Higher = more errors</span>}
      </p>
      <ol className="levels__list" aria-labelledby={captionId}>
        {scale.levels.map((level, index) => (
          <li
            key={level.id}
            className="levels__item"
            style={
              { '--level-strength': `${Math.round(((index + 1) / count) * 100)}%` } as CSSProperties
            }
          >
            <span className="levels__score">{level.score}</span>
            <span className="levels__label">{level.label}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
