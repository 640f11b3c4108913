import type { Goal } from './log.queries';

/** The teacher's goals as checkboxes: which ones this conversation worked on. */
export function GoalChoices(props: {
  goals: readonly Goal[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="log-goals">
      <legend className="field__label">Goals worked on</legend>
      {props.goals.length === 0 ? (
        <p className="field__hint">
          The teacher has no goals yet. Goals are written on the goal-setting sheet (My goals).
        </p>
      ) : (
        <ul className="log-codes__list">
          {props.goals.map((goal) => (
            <li key={goal.id}>
              <label className="log-codes__option">
                <input
                  type="checkbox"
                  checked={props.value.includes(goal.id)}
                  onChange={(e) =>
                    props.onChange(
                      e.target.checked
                        ? [...props.value, goal.id]
                        : props.value.filter((id) => id !== goal.id),
                    )
                  }
                />
                {goal.codeId}: {goal.text}
                {goal.archivedAt && ' (since changed)'}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
