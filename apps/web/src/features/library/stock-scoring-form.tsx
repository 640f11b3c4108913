import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';
import { TextAreaField } from '../../components/textarea-field';
import { type StockScores, useSaveStockScores } from './library.queries';
import { codeName, codeParaphrase, isInverted, levelsOf } from './rubric-labels';

type Entry = { level: string; reason: string };

/** The API refuses longer reasons; the field says so before it does. */
const MAX_REASON = 1000;

/**
 * The teacher scores the stock clip on each assigned code: a level and a short reason.
 * A draft can be saved any time; submitting needs every code and fixes the scores, so it
 * asks first. The master scores arrive only with the submission's answer.
 */
export function StockScoringForm({ scores }: { scores: StockScores }) {
  const save = useSaveStockScores(scores.cycleId);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      scores.codes.map((c) => [
        c.codeId,
        { level: c.score?.level ?? '', reason: c.score?.reason ?? '' },
      ]),
    ),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const [isConfirming, setIsConfirming] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const set = (codeId: string, patch: Partial<Entry>) => {
    setEntries((prev) => ({ ...prev, [codeId]: { ...(prev[codeId] as Entry), ...patch } }));
    setSavedAt(null);
  };
  const payload = (submit: boolean) => ({
    submit,
    scores: scores.codes.flatMap((c) => {
      const e = entries[c.codeId];
      return e?.level ? [{ codeId: c.codeId, level: e.level, reason: e.reason }] : [];
    }),
  });

  const saveDraft = () => {
    save.mutate(payload(false), { onSuccess: () => setSavedAt(new Date()) });
  };
  const askToSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = scores.codes
      .filter((c) => !entries[c.codeId]?.level || !entries[c.codeId]?.reason.trim())
      .map((c) => c.codeId);
    setMissing(gaps);
    if (gaps.length === 0) setIsConfirming(true);
    else document.getElementById(`score-${gaps[0]}`)?.focus();
  };

  return (
    <form className="stock-scoring" onSubmit={askToSubmit} noValidate>
      <p className="small muted">
        Score the clip on each code before your conversation: choose a level and say briefly why.
        After you submit, you see the master scores beside yours.
      </p>
      {scores.codes.map((code) => {
        const entry = entries[code.codeId] as Entry;
        const isMissing = missing.includes(code.codeId);
        const errorId = `score-${code.codeId}-error`;
        return (
          <fieldset
            key={code.codeId}
            className="stock-scoring__code"
            aria-describedby={isMissing ? errorId : undefined}
          >
            <legend className="stock-scoring__legend">{codeName(code.codeId)}</legend>
            <p className="small muted">
              {codeParaphrase(code.codeId)}
              {isInverted(code.codeId) && ' On this code a higher level means more errors.'}
            </p>
            <div
              className="stock-scoring__levels"
              role="radiogroup"
              aria-label={`Level for ${code.codeId}`}
            >
              {levelsOf(code.codeId).map((level, i) => (
                <label key={level.id} className="stock-scoring__level">
                  <input
                    id={i === 0 ? `score-${code.codeId}` : undefined}
                    type="radio"
                    name={`level-${code.codeId}`}
                    value={level.id}
                    checked={entry.level === level.id}
                    onChange={() => set(code.codeId, { level: level.id })}
                  />
                  {level.label}
                </label>
              ))}
            </div>
            <TextAreaField
              label={`Why ${code.codeId}?`}
              hint="One or two sentences: what in the clip made you choose this level."
              value={entry.reason}
              maxLength={MAX_REASON}
              rows={2}
              onChange={(event) => set(code.codeId, { reason: event.target.value })}
            />
            {isMissing && (
              <p id={errorId} className="field__error">
                Choose a level and give a reason before submitting.
              </p>
            )}
          </fieldset>
        );
      })}
      {save.isError && !(save.error instanceof ApiError && save.error.status === 409) && (
        <ErrorAlert error={save.error} />
      )}
      {save.isError && save.error instanceof ApiError && save.error.status === 409 && (
        <Alert tone="error" title={save.error.title}>
          <p>{save.error.detail}</p>
        </Alert>
      )}
      <div className="stock-scoring__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={saveDraft}
          disabled={save.isPending}
        >
          {save.isPending && !isConfirming ? 'Saving…' : 'Save draft'}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          Submit scores
        </button>
        <span role="status" className="small muted">
          {savedAt
            ? `Draft saved at ${savedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`
            : ''}
        </span>
      </div>
      {isConfirming && (
        <ConfirmDialog
          title="Submit your scores?"
          confirmLabel="Submit scores"
          cancelLabel="Keep editing"
          pendingLabel="Submitting…"
          isPending={save.isPending}
          onConfirm={() => save.mutate(payload(true), { onSettled: () => setIsConfirming(false) })}
          onCancel={() => setIsConfirming(false)}
        >
          <p>
            Submitted scores are fixed: they are compared with the master scores, which you see
            next.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
