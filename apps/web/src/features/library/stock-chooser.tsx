import { useEffect, useId, useState } from 'react';
import { ErrorAlert } from '../../components/alert';
import { SelectField } from '../../components/form-field';
import { LoadingState } from '../../components/status-panels';
import { type Cycle, useUpdateCycle } from '../cycles/cycle.queries';
import { useStockClips } from './library.queries';
import { codeName } from './rubric-labels';

/**
 * The coach chooses the cycle's stock clip and the codes the teacher scores it on (some or
 * all of the clip's codes). Once the teacher has submitted, the choice is fixed: their
 * scores are compared with this clip's master scores.
 */
export function StockChooser({ cycle, isLocked }: { cycle: Cycle; isLocked: boolean }) {
  const clips = useStockClips();
  const update = useUpdateCycle(cycle.id);
  const [clipId, setClipId] = useState(cycle.stockClipId ?? '');
  const [codeIds, setCodeIds] = useState<string[]>(cycle.stockCodeIds);
  const [isSaved, setIsSaved] = useState(false);
  const codesId = useId();
  const savedCodes = cycle.stockCodeIds.join();
  // What the API holds wins whenever it changes (a save here, or elsewhere).
  useEffect(() => {
    setClipId(cycle.stockClipId ?? '');
    setCodeIds(savedCodes ? savedCodes.split(',') : []);
  }, [cycle.stockClipId, savedCodes]);
  if (clips.isPending) return <LoadingState label="Loading the stock-clip library…" />;
  if (!clips.data) return <ErrorAlert error={clips.error} />;
  const clip = clips.data.find((c) => c.id === clipId);
  const isChanged = clipId !== (cycle.stockClipId ?? '') || codeIds.join() !== savedCodes;
  if (clips.data.length === 0) {
    return (
      <p className="status__text">
        The program’s stock-clip library is empty: an admin adds clips with their master scores.
      </p>
    );
  }
  return (
    <form
      className="stock-chooser"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { stockClipId: clipId || null, stockCodeIds: clipId ? codeIds : [] },
          { onSuccess: () => setIsSaved(true) },
        );
      }}
    >
      <SelectField
        label="Stock clip"
        value={clipId}
        disabled={isLocked}
        onChange={(event) => {
          const next = clips.data.find((c) => c.id === event.target.value);
          setClipId(event.target.value);
          // Start from all the clip's codes; the coach may narrow them.
          setCodeIds(next?.codeIds ?? []);
          setIsSaved(false);
        }}
      >
        <option value="">No stock clip</option>
        {clips.data.map((c) => (
          <option key={c.id} value={c.id}>
            {c.pseudonym}: {c.title} (grade {c.grade})
          </option>
        ))}
      </SelectField>
      {clip && (
        <fieldset className="stock-chooser__codes" aria-describedby={`${codesId}-hint`}>
          <legend className="field__label">Codes to score</legend>
          <p id={`${codesId}-hint`} className="field__hint">
            The clip has master scores on these codes; the teacher scores the ones you tick.
          </p>
          {clip.codeIds.map((id) => (
            <label key={id} className="stock-chooser__code">
              <input
                type="checkbox"
                checked={codeIds.includes(id)}
                disabled={isLocked}
                onChange={(event) => {
                  setIsSaved(false);
                  setCodeIds((prev) =>
                    event.target.checked
                      ? clip.codeIds.filter((c) => c === id || prev.includes(c))
                      : prev.filter((c) => c !== id),
                  );
                }}
              />
              {codeName(id)}
            </label>
          ))}
        </fieldset>
      )}
      {isLocked ? (
        <p className="small muted">The teacher has submitted their scores: the choice is fixed.</p>
      ) : (
        <div className="stock-chooser__actions">
          <button
            type="submit"
            className="button"
            disabled={
              !isChanged || update.isPending || (clip !== undefined && codeIds.length === 0)
            }
          >
            {update.isPending ? 'Saving…' : 'Save stock clip'}
          </button>
          <span role="status" className="small muted">
            {isSaved && !isChanged ? 'Saved.' : ''}
            {clip && codeIds.length === 0 ? 'Tick at least one code.' : ''}
          </span>
        </div>
      )}
      {update.isError && <ErrorAlert error={update.error} />}
    </form>
  );
}
