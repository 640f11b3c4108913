import type { CodeGroup, Rubric, Scale } from '@elevate/rubric';
import { scaleOf } from '@elevate/rubric';
import { CodeCard } from './code-card';
import { LevelsStrip } from './levels-strip';

// Gate and whole-lesson groups have no domain paraphrase; these say how they are scored.
const GROUP_NOTES = {
  gate: 'Scored yes or no on every segment, apart from the domains.',
  'whole-lesson': 'Scored once for the whole lesson, after watching all of it.',
} as const;

type Props = {
  rubric: Rubric;
  group: CodeGroup;
  /** The scales of the whole group, so the strip stays put while the filter hides codes. */
  scales: readonly Scale[];
  focusCodeIds: ReadonlySet<string>;
};

/** One domain (or the gate, or the whole-lesson codes): heading, score levels, codes. */
export function CodeGroupSection({ rubric, group, scales, focusCodeIds }: Props) {
  const headingId = `group-${group.id}-title`;
  const isDomain = group.kind === 'domain';
  return (
    <section
      className="code-group"
      id={`group-${group.id}`}
      data-domain={group.id}
      aria-labelledby={headingId}
    >
      <header className="code-group__header">
        <h2 id={headingId} className="code-group__title">
          {isDomain && <span className="domain-badge">{group.id}</span>}
          <span>{isDomain ? group.name : `${group.name} codes`}</span>
        </h2>
        <p className="code-group__note">
          {isDomain ? group.domain.paraphrase : GROUP_NOTES[group.kind]}
        </p>
      </header>
      <div className="code-group__scales">
        {scales.map((scale) => (
          <LevelsStrip key={scale.id} scale={scale} />
        ))}
      </div>
      <ul className="code-group__codes">
        {group.codes.map((code) => (
          <CodeCard
            key={code.id}
            code={code}
            scale={scaleOf(rubric, code)}
            isFocus={focusCodeIds.has(code.id)}
          />
        ))}
      </ul>
    </section>
  );
}
