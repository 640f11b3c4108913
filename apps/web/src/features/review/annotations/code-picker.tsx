import { findCode, groupCodes, MQI_RUBRIC, searchCodes } from '@elevate/rubric';
import { useId, useMemo, useState } from 'react';

/** The API takes up to ten codes on a note. */
export const MAX_CODES = 10;
const GROUPS = groupCodes(MQI_RUBRIC);

/**
 * Rubric codes for a note: checkboxes grouped by MQI domain (in the domain's colour),
 * narrowed by typing part of a name or an id. The chosen codes show above as removable
 * chips.
 */
export function CodePicker(props: {
  value: readonly string[];
  onChange: (codeIds: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const matches = new Set(searchCodes(MQI_RUBRIC, query).map((code) => code.id));
    return GROUPS.map((group) => ({
      ...group,
      codes: group.codes.filter((code) => matches.has(code.id)),
    })).filter((group) => group.codes.length > 0);
  }, [query]);
  const chosen = new Set(props.value);
  const isFull = chosen.size >= MAX_CODES;
  const toggle = (codeId: string, on: boolean) =>
    props.onChange(on ? [...props.value, codeId] : props.value.filter((c) => c !== codeId));

  return (
    <fieldset className="code-picker" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend className="field__label">Rubric codes</legend>
      {props.value.length > 0 ? (
        <ul className="code-picker__chosen" aria-label="Chosen codes">
          {props.value.map((codeId) => (
            <li
              key={codeId}
              className="code-chip"
              data-domain={findCode(MQI_RUBRIC, codeId)?.domainId ?? 'other'}
            >
              <span title={findCode(MQI_RUBRIC, codeId)?.name}>{codeId}</span>
              <button
                type="button"
                className="code-chip__remove"
                aria-label={`Remove ${codeId}`}
                onClick={() => toggle(codeId, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">No code yet: choose one or more below.</p>
      )}
      <input
        type="search"
        className="input"
        aria-label="Find a code by name or id"
        placeholder="Find a code: name or id (e.g. STEXPL, explanations)"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="code-picker__groups">
        {groups.length === 0 && <p className="small muted">No code matches “{query}”.</p>}
        {groups.map((group) => (
          <fieldset key={group.id} className="code-picker__group">
            <legend
              className="code-picker__group-name"
              data-domain={group.kind === 'domain' ? group.id : 'other'}
            >
              {group.name}
            </legend>
            {group.codes.map((code) => (
              <label
                key={code.id}
                className="code-picker__option"
                data-domain={code.domainId ?? 'other'}
              >
                <input
                  type="checkbox"
                  checked={chosen.has(code.id)}
                  disabled={isFull && !chosen.has(code.id)}
                  onChange={(event) => toggle(code.id, event.target.checked)}
                />
                <span className="code-picker__id">{code.id}</span>
                <span>{code.name}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {isFull && <p className="small muted">Ten codes at most on one note.</p>}
      {props.error && (
        <p id={`${id}-error`} className="field__error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
