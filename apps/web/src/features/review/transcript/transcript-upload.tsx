import { useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { Alert, ErrorAlert } from '../../../components/alert';
import { ConfirmDialog } from '../../../components/dialog';
import { useDeleteTranscript, useUploadTranscript } from '../review.mutations';

/** Choose a .vtt or .srt file to (re)place the transcript, or remove it. */
export function TranscriptUpload(props: { lessonId: string; hasTranscript: boolean }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useUploadTranscript(props.lessonId);
  const remove = useDeleteTranscript(props.lessonId);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const onFile = (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    upload.mutate(file, {
      onSuccess: (result) =>
        setNotice(`Transcript saved: ${result.cues.length} lines from ${file.name}.`),
      onSettled: () => {
        if (inputRef.current) inputRef.current.value = '';
      },
    });
  };
  const problems = upload.error instanceof ApiError ? upload.error.errors.slice(0, 5) : [];
  return (
    <div className="transcript-upload">
      <label className="button button--secondary button--small" htmlFor={id}>
        {upload.isPending
          ? 'Uploading…'
          : props.hasTranscript
            ? 'Replace transcript'
            : 'Upload transcript'}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="visually-hidden"
        accept=".vtt,.srt,text/vtt,application/x-subrip"
        disabled={upload.isPending}
        onChange={(event) => onFile(event.target.files?.[0])}
      />
      <span className="small muted">WebVTT (.vtt) or SRT (.srt)</span>
      {props.hasTranscript && (
        <button
          type="button"
          className="link-button link-button--danger"
          onClick={() => setConfirming(true)}
        >
          Remove transcript
        </button>
      )}
      {notice && <Alert tone="success" title={notice} />}
      {upload.isError && (
        <ErrorAlert error={upload.error}>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.reason}`}>{problem.reason}</li>
              ))}
            </ul>
          )}
        </ErrorAlert>
      )}
      {confirming && (
        <ConfirmDialog
          title="Remove the transcript?"
          confirmLabel="Remove transcript"
          pendingLabel="Removing…"
          isPending={remove.isPending}
          tone="danger"
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        >
          <p>The captions and the transcript go; the video and the annotations stay.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
