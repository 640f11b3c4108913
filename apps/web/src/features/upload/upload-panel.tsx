import { useEffect, useState } from 'react';
import type { Lesson, PendingUpload } from '../../api/client';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';
import { ProgressBar } from '../../components/progress-bar';
import { LoadingState } from '../../components/status-panels';
import { usePendingUpload } from '../lessons/lesson.queries';
import { DropZone, VIDEO_FORMATS } from './drop-zone';
import { takeHandedOverFile } from './pending-file';
import { formatBytes, formatProgress, percentOf } from './upload-format';
import { UploadProgress } from './upload-progress';
import { isRunning } from './upload-snapshot';
import { useUploader } from './use-uploader';
import './upload.css';

type Confirming = { kind: 'discard' } | { kind: 'replace'; file: File } | null;

/** An upload the API holds part of, to continue by picking the same file. */
type HalfDone = { upload: PendingUpload; canContinueHere: boolean };

/**
 * The teacher's upload of a lesson's recording: pick or drop the file, watch it go up,
 * pause, resume or cancel it; after an interruption, continue it from what is stored.
 * Loaded on demand with Uppy, so other pages never download it.
 */
export default function UploadPanel({ lesson }: { lesson: Lesson }) {
  const { uploader, snapshot } = useUploader(lesson.id);
  const pending = usePendingUpload(lesson.id, true);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [isDiscarding, setIsDiscarding] = useState(false);
  const { phase, restored } = snapshot;
  const serverUpload = pending.data ?? null;

  // The new-lesson form may have handed the file over: start with it at once.
  useEffect(() => {
    if (phase !== 'idle') return;
    const file = takeHandedOverFile(lesson.id);
    if (file) void uploader.choose(file);
  }, [phase, lesson.id, uploader]);

  // A file the browser kept from an upload the API no longer has is nothing to continue.
  useEffect(() => {
    if (!pending.isSuccess || !restored || isRunning(phase)) return;
    if (!serverUpload || serverUpload.id !== restored.uploadId) uploader.forgetRestored();
  }, [pending.isSuccess, serverUpload, restored, phase, uploader]);

  if (phase === 'restoring' || pending.isPending) {
    return <LoadingState label="Checking for an unfinished upload…" />;
  }

  const halfDone: HalfDone | null =
    serverUpload && !isRunning(phase) && phase !== 'done'
      ? {
          upload: serverUpload,
          canContinueHere: restored?.uploadId === serverUpload.id && restored.hasData,
        }
      : null;

  const pick = (file: File) => {
    uploader.dismissProblem();
    const isOther =
      halfDone && (file.name !== halfDone.upload.fileName || file.size !== halfDone.upload.size);
    if (isOther) setConfirming({ kind: 'replace', file });
    else void uploader.choose(file, serverUpload ?? undefined);
  };

  const discard = async () => {
    setIsDiscarding(true);
    await uploader.cancel(serverUpload?.id);
    setIsDiscarding(false);
    setConfirming(null);
  };

  const showsProgress = isRunning(phase) || phase === 'done' || phase === 'failed';
  return (
    <section className="upload-panel" aria-labelledby="upload-title">
      <h2 id="upload-title" className="upload-panel__title">
        {showsProgress ? 'Uploading the recording' : 'Upload the recording'}
      </h2>
      {snapshot.problem && phase !== 'failed' && (
        <Alert tone="error" title={snapshot.problem.title}>
          {snapshot.problem.detail && <p>{snapshot.problem.detail}</p>}
          {snapshot.problem.fileName && (
            <p className="upload-panel__file">You chose: {snapshot.problem.fileName}</p>
          )}
        </Alert>
      )}
      {showsProgress ? (
        <UploadProgress snapshot={snapshot} uploader={uploader} />
      ) : halfDone ? (
        <HalfDoneUpload
          halfDone={halfDone}
          onPick={pick}
          onContinue={() => void uploader.continueRestored()}
          onDiscard={() => setConfirming({ kind: 'discard' })}
        />
      ) : (
        <>
          <p className="upload-panel__lead">
            Choose the lesson’s video file. It goes straight to your program’s storage, in parts: if
            the connection drops or the tab closes, the upload continues from where it stopped.
          </p>
          <DropZone
            label="Choose your recording"
            hint={`or drop it here · ${VIDEO_FORMATS}`}
            onFile={pick}
          />
        </>
      )}
      {confirming?.kind === 'discard' && serverUpload && (
        <ConfirmDialog
          title={`Discard the upload of ${serverUpload.fileName}?`}
          confirmLabel="Discard upload"
          cancelLabel="Keep it"
          pendingLabel="Discarding…"
          isPending={isDiscarding}
          tone="danger"
          onConfirm={() => void discard()}
          onCancel={() => setConfirming(null)}
        >
          <p>
            The {formatBytes(serverUpload.bytesStored)} already uploaded are deleted. The lesson
            stays, waiting for a recording.
          </p>
        </ConfirmDialog>
      )}
      {confirming?.kind === 'replace' && serverUpload && (
        <ConfirmDialog
          title={`Start over with ${confirming.file.name}?`}
          confirmLabel="Start over with this file"
          cancelLabel="Keep the unfinished upload"
          pendingLabel="Starting…"
          isPending={false}
          tone="danger"
          onConfirm={() => {
            setConfirming(null);
            void uploader.choose(confirming.file);
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>
            This is not the file of the unfinished upload ({serverUpload.fileName},{' '}
            {formatBytes(serverUpload.size)}). Starting over discards the{' '}
            {formatBytes(serverUpload.bytesStored)} already uploaded.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function HalfDoneUpload({
  halfDone,
  onPick,
  onContinue,
  onDiscard,
}: {
  halfDone: HalfDone;
  onPick: (file: File) => void;
  onContinue: () => void;
  onDiscard: () => void;
}) {
  const { upload, canContinueHere } = halfDone;
  const percent = percentOf(upload.bytesStored, upload.size);
  return (
    <div className="upload-resume">
      <h3 className="upload-resume__title">
        Your upload of {upload.fileName} stopped at {percent}%
      </h3>
      <ProgressBar
        value={percent}
        label={`Stored part of ${upload.fileName}`}
        valueText={`${percent}% stored`}
      />
      <p className="upload-resume__text">
        {formatProgress(upload.bytesStored, upload.size)} is already stored.{' '}
        {canContinueHere
          ? 'Continue to send the rest.'
          : 'Choose the same file to continue: only the missing part is sent.'}
      </p>
      {canContinueHere && (
        <div className="upload-resume__actions">
          <button type="button" className="button" onClick={onContinue}>
            Continue uploading
          </button>
        </div>
      )}
      <DropZone
        label={canContinueHere ? 'Or choose the file again' : 'Choose the same file to continue'}
        hint={`${upload.fileName} · ${formatBytes(upload.size)}`}
        onFile={onPick}
      />
      <div className="upload-resume__actions">
        <button
          type="button"
          className="button button--secondary button--danger-outline button--small"
          onClick={onDiscard}
        >
          Discard this upload
        </button>
      </div>
    </div>
  );
}
