import { formatTimecode } from '@elevate/timecode';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf } from '../../../api/api-error';
import { Alert, ErrorAlert } from '../../../components/alert';
import { ConfirmDialog } from '../../../components/dialog';
import { TextAreaField } from '../../../components/textarea-field';
import { useDeleteClip, useSaveClip } from '../review.mutations';
import type { Clip, ClipPosition } from '../review.types';
import { clipProblems, hasProblems, lengthHint } from './clip-rules';
import { ClipTimeField } from './clip-time-field';
import type { ClipDraft } from './use-clip-drafts';

type Props = {
  lessonId: string;
  position: ClipPosition;
  durationMs: number;
  draft: ClipDraft;
  isDirty: boolean;
  saved: Clip | undefined;
  playheadMs: () => number;
  onChange: (patch: Partial<ClipDraft>) => void;
  onMark: (which: 'in' | 'out') => void;
  onReset: () => void;
};

/**
 * The coach's form for one clip: in and out typed as timecodes, set from the playhead
 * (buttons or I/O) or nudged by a second or a frame; summary and reason for selection.
 * The rules are checked here as the API checks them; an unusual length only earns a hint.
 */
export function ClipEditor(props: Props) {
  const { draft, position, durationMs } = props;
  const save = useSaveClip(props.lessonId);
  const remove = useDeleteClip(props.lessonId);
  const [isSubmitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const problems = clipProblems(draft.startMs, draft.endMs, durationMs);
  const serverErrors = fieldErrorsOf(save.error);
  const shown = (field: 'startMs' | 'endMs') =>
    (isSubmitted || draft[field] !== undefined ? problems[field] : undefined) ??
    serverErrors[field];
  const textError = (field: 'summary' | 'reason') =>
    isSubmitted && !draft[field].trim() ? 'Write a sentence or two.' : serverErrors[field];
  const hint =
    draft.startMs !== undefined && draft.endMs !== undefined && !hasProblems(problems)
      ? lengthHint(draft.startMs, draft.endMs)
      : null;
  const name = `Clip ${position}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setNotice(null);
    if (hasProblems(problems) || !draft.summary.trim() || !draft.reason.trim()) return;
    save.mutate(
      {
        position,
        input: {
          startMs: Math.round(draft.startMs as number),
          endMs: Math.round(draft.endMs as number),
          summary: draft.summary.trim(),
          reason: draft.reason.trim(),
        },
      },
      {
        onSuccess: () => {
          setSubmitted(false);
          setNotice(`${name} saved.`);
          props.onReset();
        },
      },
    );
  };

  return (
    <form className="clip-editor" onSubmit={onSubmit} noValidate aria-label={`Edit ${name}`}>
      <div className="clip-editor__times">
        {(['in', 'out'] as const).map((which) => {
          const field = which === 'in' ? 'startMs' : 'endMs';
          return (
            <ClipTimeField
              key={which}
              which={which}
              clipName={name}
              valueMs={draft[field]}
              durationMs={durationMs}
              error={shown(field)}
              onChange={(ms) => props.onChange({ [field]: ms })}
              onMark={() => props.onMark(which)}
            />
          );
        })}
      </div>
      {draft.startMs !== undefined && draft.endMs !== undefined && draft.endMs > draft.startMs && (
        <p className="clip-editor__length">
          Length {formatTimecode(draft.endMs - draft.startMs)}
          {props.isDirty && <span className="tag tag--pending">Unsaved changes</span>}
        </p>
      )}
      {hint && (
        <p className="clip-editor__hint" role="status">
          {hint}
        </p>
      )}
      <TextAreaField
        label="Brief summary of the clip"
        rows={2}
        maxLength={2000}
        value={draft.summary}
        error={textError('summary')}
        onChange={(event) => props.onChange({ summary: event.target.value })}
      />
      <TextAreaField
        label="Reason for selection"
        rows={2}
        maxLength={2000}
        value={draft.reason}
        error={textError('reason')}
        onChange={(event) => props.onChange({ reason: event.target.value })}
      />
      {save.isError && Object.keys(serverErrors).length === 0 && <ErrorAlert error={save.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {notice && <Alert tone="success" title={notice} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : `Save ${name.toLowerCase()}`}
        </button>
        {props.isDirty && (
          <button type="button" className="button button--secondary" onClick={props.onReset}>
            Discard changes
          </button>
        )}
        {props.saved && (
          <button
            type="button"
            className="button button--secondary button--danger-outline"
            onClick={() => setConfirming(true)}
          >
            Delete {name.toLowerCase()}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${name.toLowerCase()}?`}
          confirmLabel={`Delete ${name.toLowerCase()}`}
          pendingLabel="Deleting…"
          isPending={remove.isPending}
          tone="danger"
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(position, {
              onSuccess: () => {
                setConfirming(false);
                props.onReset();
                setNotice(`${name} deleted.`);
              },
            })
          }
        >
          <p>The teacher will no longer see it. Annotations in its range stay.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
