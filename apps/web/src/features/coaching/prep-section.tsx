import { codeLabel, MQI_RUBRIC } from '@elevate/rubric';
import { formatMinutesSeconds } from '@elevate/timecode';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { TextAreaField } from '../../components/textarea-field';
import type { Cycle } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { type Prep, type PrepFields, usePrep, useSavePrep } from './coaching.queries';
import { PREP_GROUPS } from './prep-questions';
import { SaveStatus } from './save-status';
import { useAutosave } from './use-autosave';
import './coaching.css';

/**
 * The coach's private preparation for the cycle (the planning guide). Rendered only for
 * the cycle's coach; the API refuses everyone else as well.
 */
export function PrepSection({ cycle }: { cycle: Cycle }) {
  const me = useViewer();
  const isCoach = me.user.id === cycle.coachId;
  const prep = usePrep(cycle.id, isCoach);
  if (!isCoach) return null;
  return (
    <section className="card coaching-section" id="prep" aria-labelledby="prep-title">
      <h2 id="prep-title" className="card__title">
        Preparation <span className="tag">Only you see this</span>
      </h2>
      {prep.isPending ? (
        <LoadingState label="Loading your preparation…" />
      ) : prep.isError ? (
        <ErrorState error={prep.error} level={3} onRetry={() => void prep.refetch()} />
      ) : (
        <PrepForm prep={prep.data} />
      )}
    </section>
  );
}

function PrepForm({ prep }: { prep: Prep }) {
  const save = useSavePrep(prep.cycleId);
  const form = useAutosave<PrepFields>(prep.fields, (fields) => save.mutateAsync(fields));
  return (
    <div className="prep">
      <PrepContext prep={prep} />
      <form
        className="prep__form"
        onSubmit={(e) => e.preventDefault()}
        aria-describedby="prep-status"
      >
        <SaveStatus
          id="prep-status"
          status={form.status}
          savedAt={form.savedAt ?? (prep.updatedAt ? new Date(prep.updatedAt) : null)}
        />
        {form.status === 'error' && (
          <ErrorAlert error={form.error}>
            <p>Your text is still here and has not been lost.</p>
            <button type="button" className="button button--small" onClick={form.retry}>
              Try saving again
            </button>
          </ErrorAlert>
        )}
        {PREP_GROUPS.map((group) => (
          <fieldset key={group.id} className="prep__group">
            <legend className="prep__legend">{group.title}</legend>
            {group.questions.map((q) => (
              <TextAreaField
                key={q.name}
                label={q.label}
                hint={q.hint}
                name={q.name}
                rows={3}
                maxLength={20_000}
                value={form.values[q.name]}
                onChange={(e) => form.update({ [q.name]: e.target.value })}
              />
            ))}
          </fieldset>
        ))}
      </form>
    </div>
  );
}

/** What the cycle already says: goals, focus codes, the clips chosen in the player, the stock clip. */
function PrepContext({ prep }: { prep: Prep }) {
  const label = (id: string) => {
    try {
      return codeLabel(MQI_RUBRIC, id);
    } catch {
      return id;
    }
  };
  return (
    <aside className="prep__context" aria-label="The cycle at a glance">
      <h3 className="prep__legend">Focus codes</h3>
      <p>
        {prep.focusCodeIds.length ? prep.focusCodeIds.map(label).join('; ') : 'None chosen yet.'}
      </p>
      <h3 className="prep__legend">The teacher's goals</h3>
      {prep.goals.length ? (
        <ul className="prep__list">
          {prep.goals.map((g) => (
            <li key={g.id}>
              <strong>{g.codeId}</strong>: {g.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No goals recorded yet.</p>
      )}
      <h3 className="prep__legend">Clips</h3>
      {prep.lessonId ? (
        <>
          <ul className="prep__list">
            {([1, 2] as const).map((position) => {
              const clip = prep.clips.find((c) => c.position === position);
              return (
                <li key={position}>
                  <strong>Clip {position}</strong>:{' '}
                  {clip ? (
                    <>
                      {formatMinutesSeconds(clip.startMs)}–{formatMinutesSeconds(clip.endMs)}
                      {clip.summary && <> · {clip.summary}</>}
                      {clip.reason && <span className="muted"> (reason: {clip.reason})</span>}
                    </>
                  ) : (
                    <span className="muted">not chosen yet</span>
                  )}
                </li>
              );
            })}
          </ul>
          <Link
            className="button button--secondary button--small"
            to={`/lessons/${prep.lessonId}/review`}
          >
            Choose clips in the player
          </Link>
        </>
      ) : (
        <p className="muted">The lesson video has not arrived yet.</p>
      )}
      <h3 className="prep__legend">Stock clip</h3>
      {prep.stockClip ? (
        <p>
          {prep.stockClip.pseudonym}: {prep.stockClip.title}
          <br />
          <span className="muted">
            Codes: {prep.stockCodeIds.length ? prep.stockCodeIds.map(label).join('; ') : 'none yet'}
          </span>
        </p>
      ) : (
        <p className="muted">Not chosen yet: pick one in the stock clip section.</p>
      )}
    </aside>
  );
}
