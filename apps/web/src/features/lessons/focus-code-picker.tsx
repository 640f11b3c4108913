import { type CodeGroup, groupCodes } from '@elevate/rubric';
import { useMemo } from 'react';
import { ErrorAlert } from '../../components/alert';
import { LoadingState } from '../../components/status-panels';
import { useRubric } from '../rubric/rubric.queries';

/** The rubric lessons' focus codes come from (the API checks them against MQI). */
export const MQI_ID = 'mqi-4pt';

/** The API takes at most this many focus codes per lesson. */
export const MAX_FOCUS_CODES = 20;

type Props = {
  value: readonly string[];
  onChange: (codeIds: string[]) => void;
  error?: string | undefined;
};

/**
 * The MQI codes a lesson works on (the teacher's goal), as checkboxes grouped by domain.
 * Each group folds away; groups with a chosen code start open, so a choice is never hidden.
 */
export function FocusCodePicker({ value, onChange, error }: Props) {
  const rubric = useRubric(MQI_ID);
  const groups = useMemo(() => (rubric.data ? groupCodes(rubric.data) : []), [rubric.data]);
  const chosen = new Set(value);
  const toggle = (id: string, isOn: boolean) => {
    const next = new Set(chosen);
    if (isOn) next.add(id);
    else next.delete(id);
    onChange([...next]);
  };
  const isFull = chosen.size >= MAX_FOCUS_CODES;

  return (
    <fieldset className="focus-picker" aria-describedby="focus-picker-hint">
      <legend className="field__label">Focus codes (optional)</legend>
      <p id="focus-picker-hint" className="field__hint">
        The rubric codes you are working on in this cycle: your goal for the lesson. Your coach sees
        them when choosing clips.
      </p>
      {rubric.isPending ? (
        <LoadingState label="Loading the MQI codes…" />
      ) : rubric.isError ? (
        <ErrorAlert error={rubric.error}>
          <p>You can create the lesson without focus codes and add them later.</p>
        </ErrorAlert>
      ) : (
        <div className="focus-picker__groups">
          {groups.map((group) => (
            <CodeGroupChoices
              key={group.id}
              group={group}
              chosen={chosen}
              isFull={isFull}
              onToggle={toggle}
            />
          ))}
        </div>
      )}
      <p className="focus-picker__count" role="status">
        {chosen.size === 0
          ? 'No focus codes chosen.'
          : `${chosen.size} chosen: ${[...chosen].join(', ')}`}
      </p>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}

function CodeGroupChoices({
  group,
  chosen,
  isFull,
  onToggle,
}: {
  group: CodeGroup;
  chosen: ReadonlySet<string>;
  isFull: boolean;
  onToggle: (id: string, isOn: boolean) => void;
}) {
  const count = group.codes.filter((code) => chosen.has(code.id)).length;
  return (
    <details
      className="focus-picker__group"
      data-domain={group.kind === 'domain' ? group.id : undefined}
      open={count > 0 || undefined}
    >
      <summary className="focus-picker__summary">
        <span className="focus-picker__group-name">{group.name}</span>
        {count > 0 && <span className="tag tag--accent">{count} chosen</span>}
      </summary>
      <ul className="focus-picker__codes">
        {group.codes.map((code) => {
          const isOn = chosen.has(code.id);
          return (
            <li key={code.id}>
              <label className="checkbox focus-picker__code">
                <input
                  type="checkbox"
                  checked={isOn}
                  disabled={!isOn && isFull}
                  onChange={(event) => onToggle(code.id, event.target.checked)}
                />
                <span>
                  <span className="focus-picker__code-id">{code.id}</span> {code.name}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
