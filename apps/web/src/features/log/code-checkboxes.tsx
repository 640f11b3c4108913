import { groupCodes, MQI_RUBRIC } from '@elevate/rubric';

/** The rubric's segment and whole-lesson codes, grouped as the rubric groups them. */
const GROUPS = groupCodes(MQI_RUBRIC).filter((g) => g.codes.length > 0);

/**
 * Rubric codes as checkboxes, one folding group per domain; groups holding a chosen code
 * start open so a choice is never hidden.
 */
export function CodeCheckboxes(props: {
  legend: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const chosen = new Set(props.value);
  const toggle = (id: string, isOn: boolean) => {
    const next = props.value.filter((v) => v !== id);
    props.onChange(isOn ? [...next, id] : next);
  };
  return (
    <fieldset className="log-codes" disabled={props.disabled}>
      <legend className="field__label">{props.legend}</legend>
      <p className="field__hint">
        {props.value.length ? `Chosen: ${props.value.join(', ')}` : 'None chosen yet.'}
      </p>
      {GROUPS.map((group) => (
        <details key={group.id} open={group.codes.some((c) => chosen.has(c.id))}>
          <summary>{group.name}</summary>
          <ul className="log-codes__list">
            {group.codes.map((code) => (
              <li key={code.id}>
                <label className="log-codes__option">
                  <input
                    type="checkbox"
                    checked={chosen.has(code.id)}
                    onChange={(e) => toggle(code.id, e.target.checked)}
                  />
                  {code.id}: {code.name}
                </label>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </fieldset>
  );
}
