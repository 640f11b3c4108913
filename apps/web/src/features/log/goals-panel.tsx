import { groupCodes, MQI_RUBRIC } from '@elevate/rubric';
import { type FormEvent, useId, useState } from 'react';
import { fieldErrorsOf } from '../../api/api-error';
import { ErrorAlert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';
import { SelectField } from '../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { TextAreaField } from '../../components/textarea-field';
import { formatDate } from '../../lib/format-time';
import { useViewer } from '../session/session.queries';
import { type Goal, useGoalMutations, useGoals } from './log.queries';
import { codeName } from './log-format';
import './log.css';

const CODE_GROUPS = groupCodes(MQI_RUBRIC).filter((g) => g.codes.length > 0);

/** A teacher's goals per rubric code (the goal-setting sheet), editable by the teacher and their coach. */
export function GoalsPanel({ teacherId }: { teacherId: string }) {
  const goals = useGoals(teacherId);
  const headingId = useId();
  return (
    <section className="goals-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Goals</h2>
      <p className="muted">
        What to work on, per rubric code. Goals can change over the year: a changed goal keeps its
        earlier wording in the history.
      </p>
      {goals.isPending ? (
        <LoadingState label="Loading goals…" />
      ) : goals.isError ? (
        <ErrorState error={goals.error} level={3} onRetry={() => void goals.refetch()} />
      ) : (
        <GoalList teacherId={teacherId} goals={goals.data} />
      )}
      <AddGoalForm teacherId={teacherId} />
    </section>
  );
}

function GoalList({ teacherId, goals }: { teacherId: string; goals: Goal[] }) {
  const active = goals.filter((g) => g.archivedAt === null);
  if (active.length === 0)
    return (
      <EmptyState title="No goals yet" level={3}>
        <p className="status__text">
          Add a goal for a rubric code you want to keep in mind as you look at lessons together.
        </p>
      </EmptyState>
    );
  return (
    <ul className="goals-panel__list">
      {active.map((goal) => (
        <GoalItem
          key={goal.id}
          teacherId={teacherId}
          goal={goal}
          earlier={goals.filter((g) => g.archivedAt !== null && g.codeId === goal.codeId)}
        />
      ))}
    </ul>
  );
}

function GoalItem(props: { teacherId: string; goal: Goal; earlier: Goal[] }) {
  const { goal } = props;
  const { user } = useViewer();
  const { change, remove } = useGoalMutations(props.teacherId);
  const [isEditing, setIsEditing] = useState(false);
  const [text, setText] = useState(goal.text);
  const [isConfirming, setIsConfirming] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ id: goal.id, text }, { onSuccess: () => setIsEditing(false) });
  };

  return (
    <li className="goals-panel__item">
      <p className="goals-panel__code">{codeName(goal.codeId)}</p>
      {isEditing ? (
        <form onSubmit={submit} className="goals-panel__edit">
          <TextAreaField
            label="Goal"
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
            error={fieldErrorsOf(change.error).text}
            hint="Saving keeps the current wording in the history."
          />
          <div className="goals-panel__actions">
            <button type="submit" className="button button--small" disabled={change.isPending}>
              {change.isPending ? 'Saving…' : 'Save goal'}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setIsEditing(false);
                setText(goal.text);
              }}
            >
              Cancel
            </button>
          </div>
          {change.isError && <ErrorAlert error={change.error} />}
        </form>
      ) : (
        <>
          <p className="goals-panel__text">{goal.text}</p>
          <p className="small muted">Since {formatDate(goal.createdAt, user.timeZone)}</p>
          <div className="goals-panel__actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setIsEditing(true)}
            >
              Change
            </button>
            <button
              type="button"
              className="button button--secondary button--danger-outline button--small"
              onClick={() => setIsConfirming(true)}
            >
              Set aside
            </button>
          </div>
        </>
      )}
      {props.earlier.length > 0 && (
        <details className="goals-panel__history">
          <summary>
            Earlier goals for {goal.codeId} ({props.earlier.length})
          </summary>
          <ul>
            {props.earlier.map((g) => (
              <li key={g.id}>
                {g.text}{' '}
                <span className="small muted">
                  ({formatDate(g.createdAt, user.timeZone)} to{' '}
                  {formatDate(g.archivedAt as string, user.timeZone)})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {isConfirming && (
        <ConfirmDialog
          title="Set this goal aside?"
          confirmLabel="Set aside"
          pendingLabel="Setting aside…"
          isPending={remove.isPending}
          tone="danger"
          onCancel={() => setIsConfirming(false)}
          onConfirm={() => remove.mutate(goal.id, { onSuccess: () => setIsConfirming(false) })}
        >
          <p>
            “{goal.text}” leaves the current goals. It stays in the year's history, and cycles that
            worked on it still name it.
          </p>
          {remove.isError && <ErrorAlert error={remove.error} />}
        </ConfirmDialog>
      )}
    </li>
  );
}

function AddGoalForm({ teacherId }: { teacherId: string }) {
  const { add } = useGoalMutations(teacherId);
  const [codeId, setCodeId] = useState('');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<{ codeId?: string; text?: string }>({});
  const errors = { ...fieldErrorsOf(add.error), ...missing };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...(codeId ? {} : { codeId: 'Choose the rubric code the goal is about.' }),
      ...(text.trim() ? {} : { text: 'Write the goal.' }),
    };
    setMissing(next);
    if (next.codeId || next.text) return;
    add.mutate(
      { codeId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setCodeId('');
        },
      },
    );
  };

  return (
    <form className="goals-panel__add" onSubmit={submit} noValidate>
      <h3>Add a goal</h3>
      <SelectField
        label="Rubric code"
        value={codeId}
        onChange={(e) => setCodeId(e.target.value)}
        error={errors.codeId}
      >
        <option value="">Choose a code…</option>
        {CODE_GROUPS.map((group) => (
          <optgroup key={group.id} label={group.name}>
            {group.codes.map((code) => (
              <option key={code.id} value={code.id}>
                {code.id}: {code.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextAreaField
        label="Goal"
        value={text}
        maxLength={1000}
        onChange={(e) => setText(e.target.value)}
        error={errors.text}
        hint="In your own words: what you want to see more of in your lessons."
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add goal'}
      </button>
      {add.isError && !fieldErrorsOf(add.error).text && <ErrorAlert error={add.error} />}
    </form>
  );
}
