import { type FormEvent, useId, useState } from 'react';
import { Alert } from '../../components/alert';
import { formatDateTime } from '../../lib/format-time';
import type { Goal, LogConflictBody, LogFieldName, LogFields, LogLink } from './log.queries';
import { FIELD_LABELS, formatFieldValue, TEXT_FIELDS } from './log-format';

type Choice = 'mine' | 'theirs' | 'both';

const isText = (field: LogFieldName) => (TEXT_FIELDS as readonly string[]).includes(field);
const isList = (field: LogFieldName) =>
  field === 'focusCodeIds' || field === 'goalIds' || field === 'links';

/** Both sides of a list: everything either kept (links by id, so none appears twice). */
function union(field: LogFieldName, mine: unknown, theirs: unknown): unknown {
  if (field === 'links') {
    const all = [...(theirs as LogLink[]), ...(mine as LogLink[])];
    return all.filter((link, i) => all.findIndex((l) => l.id === link.id) === i);
  }
  return [...new Set([...(theirs as string[]), ...(mine as string[])])];
}

function joined(mine: unknown, theirs: unknown): string {
  const parts = [String(theirs ?? ''), String(mine ?? '')].map((s) => s.trim()).filter(Boolean);
  return parts.join('\n\n');
}

/**
 * Settles a save that met someone else's: for each field both changed, their version and
 * mine side by side, and the choice to keep mine, keep theirs or keep both (edited
 * together for text). Every other change of both people is already merged.
 */
export function ConflictResolver(props: {
  conflict: LogConflictBody;
  timeZone: string;
  goals: readonly Goal[];
  isSaving: boolean;
  onResolve: (fields: LogFields) => void;
}) {
  const { conflict, timeZone, goals } = props;
  const [choices, setChoices] = useState<Partial<Record<LogFieldName, Choice>>>({});
  const [edits, setEdits] = useState<Partial<Record<LogFieldName, string>>>({});
  const headingId = useId();
  const who = conflict.current.updatedBy?.name ?? 'Someone';
  const when = conflict.current.updatedAt
    ? formatDateTime(conflict.current.updatedAt, timeZone)
    : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { ...conflict.merged } as LogFields;
    for (const c of conflict.conflicts) {
      const field = c.field as LogFieldName;
      const choice = choices[field] ?? 'mine';
      const value =
        choice === 'mine'
          ? c.mine
          : choice === 'theirs'
            ? c.theirs
            : isText(field)
              ? (edits[field] ?? joined(c.mine, c.theirs))
              : union(field, c.mine, c.theirs);
      Object.assign(fields, { [field]: value });
    }
    props.onResolve(fields);
  };

  return (
    <section className="log-conflict" aria-labelledby={headingId}>
      <h3 id={headingId} className="log-conflict__title">
        {who} saved the log while you were editing
      </h3>
      <Alert tone="info" title="Nothing has been lost">
        <p>
          Version {conflict.current.version} was saved{when ? ` at ${when}` : ''}. Their other
          changes and yours are merged. Choose what to keep where you both changed the same field,
          then save.
        </p>
      </Alert>
      <form onSubmit={submit}>
        {conflict.conflicts.map((c) => {
          const field = c.field as LogFieldName;
          const choice = choices[field] ?? 'mine';
          const show = (value: unknown) => formatFieldValue(field, value, { timeZone, goals });
          return (
            <fieldset key={field} className="log-conflict__field">
              <legend className="log-conflict__legend">{FIELD_LABELS[field]}</legend>
              <div className="log-conflict__sides">
                <div className="log-conflict__side">
                  <p className="log-conflict__side-title">Yours</p>
                  <p className="log-conflict__value">{show(c.mine)}</p>
                </div>
                <div className="log-conflict__side">
                  <p className="log-conflict__side-title">{who}'s</p>
                  <p className="log-conflict__value">{show(c.theirs)}</p>
                </div>
              </div>
              <div className="log-conflict__choices">
                {(['mine', 'theirs', 'both'] as const)
                  .filter((option) => option !== 'both' || isText(field) || isList(field))
                  .map((option) => (
                    <label key={option} className="log-conflict__choice">
                      <input
                        type="radio"
                        name={`choice-${field}`}
                        value={option}
                        checked={choice === option}
                        onChange={() => setChoices((prev) => ({ ...prev, [field]: option }))}
                      />
                      {option === 'mine'
                        ? 'Keep mine'
                        : option === 'theirs'
                          ? `Keep ${who}'s`
                          : isText(field)
                            ? 'Keep both and edit'
                            : 'Keep both'}
                    </label>
                  ))}
              </div>
              {choice === 'both' && isText(field) && (
                <label className="field">
                  <span className="field__label">Merged {FIELD_LABELS[field].toLowerCase()}</span>
                  <textarea
                    className="input textarea"
                    rows={5}
                    value={edits[field] ?? joined(c.mine, c.theirs)}
                    onChange={(e) => setEdits((prev) => ({ ...prev, [field]: e.target.value }))}
                  />
                </label>
              )}
            </fieldset>
          );
        })}
        <button type="submit" className="button" disabled={props.isSaving}>
          {props.isSaving ? 'Saving…' : 'Save merged log'}
        </button>
      </form>
    </section>
  );
}
