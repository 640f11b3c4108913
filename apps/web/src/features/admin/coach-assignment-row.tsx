import { useId, useState } from 'react';
import type { User } from '../../api/client';
import { ErrorAlert } from '../../components/alert';
import { useAssignCoach } from './admin.queries';

const NO_COACH = '';

/** One teacher: a coach select and its own Save, so each row reports its own result. */
export function CoachAssignmentRow({
  teacher,
  coaches,
}: {
  teacher: User;
  coaches: readonly User[];
}) {
  const assign = useAssignCoach();
  const selectId = useId();
  const saved = teacher.coachId ?? NO_COACH;
  // null: follow the saved value (it changes after a save, or another admin's).
  const [choice, setChoice] = useState<string | null>(null);
  const selected = choice ?? saved;
  const [result, setResult] = useState<string | null>(null);
  const coachName = (id: string) => coaches.find((c) => c.id === id)?.name ?? 'their coach';

  const save = () => {
    setResult(null);
    assign.mutate(
      { teacherId: teacher.id, coachId: selected || null },
      {
        onSuccess: () => {
          setChoice(null);
          setResult(
            selected
              ? `Saved: ${coachName(selected)} coaches ${teacher.name}.`
              : `Saved: ${teacher.name} has no coach.`,
          );
        },
      },
    );
  };

  return (
    <tr>
      <th scope="row" className="caseload-table__teacher">
        <span className="table__primary">
          {teacher.name}{' '}
          {teacher.status === 'invited' && <span className="tag tag--pending">Invited</span>}
        </span>
        <span className="table__secondary">{teacher.email}</span>
      </th>
      <td>
        <div className="assign-coach">
          <label className="visually-hidden" htmlFor={selectId}>
            Coach for {teacher.name}
          </label>
          <select
            id={selectId}
            className="input select"
            value={selected}
            onChange={(event) => {
              setResult(null);
              setChoice(event.target.value);
            }}
          >
            <option value={NO_COACH}>No coach</option>
            {/* A saved coach since deactivated still shows, so the select never lies. */}
            {saved && !coaches.some((c) => c.id === saved) && (
              <option value={saved}>Former coach</option>
            )}
            {coaches.map((coach) => (
              <option key={coach.id} value={coach.id}>
                {coach.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={selected === saved || assign.isPending}
            aria-label={`Save coach for ${teacher.name}`}
            onClick={save}
          >
            {assign.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
        <div role="status" className="assign-coach__result">
          {result && <span className="assign-coach__saved">{result}</span>}
        </div>
        {assign.isError && <ErrorAlert error={assign.error} />}
      </td>
    </tr>
  );
}
