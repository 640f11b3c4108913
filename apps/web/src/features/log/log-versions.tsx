import { useState } from 'react';
import { ErrorAlert } from '../../components/alert';
import { LoadingState } from '../../components/status-panels';
import { formatDateTime } from '../../lib/format-time';
import { type Goal, useLogVersion, useLogVersions } from './log.queries';
import { LogReadOnly } from './log-read-only';

/** Every saved version of the log (who, when), each viewable as it was. */
export function LogVersions(props: {
  cycleId: string;
  number: number;
  lessonId: string | null;
  currentVersion: number;
  goals: readonly Goal[];
  timeZone: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const versions = useLogVersions(props.cycleId, isOpen);
  const version = useLogVersion(props.cycleId, shown);
  return (
    <details
      className="log-versions"
      onToggle={(e) => setIsOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Earlier versions ({props.currentVersion})</summary>
      {versions.isPending ? (
        isOpen && <LoadingState label="Loading versions…" />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} />
      ) : versions.data.length === 0 ? (
        <p className="muted">Nobody has saved the log yet.</p>
      ) : (
        <ol className="log-versions__list">
          {versions.data.map((v) => (
            <li key={v.version} className="log-versions__item">
              <span>
                Version {v.version}, saved by {v.authorName},{' '}
                {formatDateTime(v.createdAt, props.timeZone)}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-pressed={shown === v.version}
                onClick={() => setShown(shown === v.version ? null : v.version)}
              >
                {shown === v.version ? 'Hide' : `View version ${v.version}`}
              </button>
            </li>
          ))}
        </ol>
      )}
      {shown !== null &&
        (version.isPending ? (
          <LoadingState label={`Loading version ${shown}…`} />
        ) : version.isError ? (
          <ErrorAlert error={version.error} />
        ) : (
          <section className="log-versions__view" aria-label={`Version ${shown}`}>
            <LogReadOnly
              number={props.number}
              fields={version.data.fields}
              lessonId={props.lessonId}
              goals={props.goals}
              timeZone={props.timeZone}
            />
          </section>
        ))}
    </details>
  );
}
