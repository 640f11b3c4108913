import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/dialog';
import { ProgressBar } from '../../components/progress-bar';
import type { LessonUploader } from './upload-controller';
import {
  formatBytes,
  formatProgress,
  formatSpeed,
  formatTimeLeft,
  percentOf,
} from './upload-format';
import type { UploadSnapshot } from './upload-snapshot';

/**
 * What the live region says: one sentence per phase, so a screen reader hears changes
 * (paused, offline, retrying) rather than every percent.
 */
export function statusText(snapshot: UploadSnapshot): string {
  switch (snapshot.phase) {
    case 'starting':
      return 'Getting the upload ready…';
    case 'uploading':
      return 'Uploading. Keep this tab open until it finishes; if it closes, come back and choose the same file to continue.';
    case 'paused':
      return 'Paused. What is uploaded so far is kept.';
    case 'retrying':
      return 'The connection dropped. Trying again shortly.';
    case 'offline':
      return 'You are offline. The upload continues when the connection is back.';
    case 'finishing':
      return 'Everything is sent. Elevate is putting the parts together…';
    case 'cancelling':
      return 'Cancelling the upload…';
    case 'done':
      return 'Uploaded. Elevate is now preparing your video.';
    case 'failed':
      return snapshot.problem?.title ?? 'The upload stopped.';
    default:
      return '';
  }
}

/** Seconds until `at`, ticking once a second while there is one. */
function useCountdown(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The running upload: file, bar, numbers, status, and pause / resume / cancel. */
export function UploadProgress({
  snapshot,
  uploader,
}: {
  snapshot: UploadSnapshot;
  uploader: LessonUploader;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const countdown = useCountdown(snapshot.phase === 'retrying' ? snapshot.retryAt : null);
  const { phase, file, bytesSent, bytesTotal } = snapshot;
  const percent = phase === 'done' ? 100 : percentOf(bytesSent, bytesTotal);
  const name = file?.name ?? 'your recording';
  const speed = formatSpeed(snapshot.speed);
  const timeLeft = phase === 'uploading' ? formatTimeLeft(snapshot.secondsLeft) : null;
  const canPause = phase === 'uploading' || phase === 'retrying' || phase === 'offline';
  const canCancel = phase !== 'done' && phase !== 'cancelling' && phase !== 'starting';

  return (
    <div className="upload-progress" data-phase={phase}>
      <div className="upload-progress__file">
        <svg className="upload-progress__icon" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2.5" y="5.5" width="14" height="13" rx="2" />
          <path d="m16.5 10 5-3v10l-5-3" />
        </svg>
        <p className="upload-progress__name">{name}</p>
        <p className="upload-progress__size">{formatBytes(bytesTotal)}</p>
      </div>
      <ProgressBar value={percent} label={`Upload of ${name}`} valueText={`${percent}% uploaded`} />
      <div className="upload-progress__numbers">
        <span className="upload-progress__percent">{percent}%</span>
        <span>{formatProgress(phase === 'done' ? bytesTotal : bytesSent, bytesTotal)}</span>
        {speed && phase === 'uploading' && <span>{speed}</span>}
        {phase === 'uploading' && (
          <span className="upload-progress__eta">{timeLeft ?? 'estimating time left…'}</span>
        )}
      </div>
      <p className="upload-progress__status" role="status">
        {statusText(snapshot)}
      </p>
      {(countdown !== null || snapshot.notice || (phase === 'failed' && snapshot.problem)) && (
        <p className="upload-progress__notice">
          {phase === 'failed' && snapshot.problem?.detail}
          {countdown !== null && `Next try in ${countdown} s. `}
          {phase !== 'failed' && snapshot.notice}
        </p>
      )}
      {phase !== 'done' && (
        <div className="upload-progress__actions">
          {phase === 'paused' ? (
            <button type="button" className="button" onClick={() => uploader.resume()}>
              Resume
            </button>
          ) : phase === 'failed' ? (
            <button type="button" className="button" onClick={() => uploader.retryNow()}>
              Try again
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              disabled={!canPause}
              onClick={() => uploader.pause()}
            >
              Pause
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--danger-outline"
            disabled={!canCancel}
            onClick={() => setIsConfirming(true)}
          >
            Cancel upload
          </button>
        </div>
      )}
      {isConfirming && (
        <ConfirmDialog
          title={`Cancel the upload of ${name}?`}
          confirmLabel="Cancel upload"
          cancelLabel="Keep uploading"
          pendingLabel="Cancelling…"
          isPending={phase === 'cancelling'}
          tone="danger"
          onConfirm={() => {
            void uploader.cancel().finally(() => setIsConfirming(false));
          }}
          onCancel={() => setIsConfirming(false)}
        >
          <p>
            What is uploaded so far is deleted. The lesson stays, waiting for a recording: you can
            upload it again later.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
