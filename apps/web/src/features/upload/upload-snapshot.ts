/** Where a lesson's upload is, as the panel shows it. */
export type UploadPhase =
  /** Waiting for the browser's saved upload state (golden-retriever) to come back. */
  | 'restoring'
  /** No file is being sent: pick one (or the same one again, to continue). */
  | 'idle'
  /** Asking the API to start or continue an upload for the chosen file. */
  | 'starting'
  | 'uploading'
  | 'paused'
  /** A request failed; the file is tried again after a pause. */
  | 'retrying'
  /** The browser is offline; the upload continues when it is back. */
  | 'offline'
  /** Every byte is sent; the API is assembling the parts. */
  | 'finishing'
  | 'done'
  | 'cancelling'
  /** The app stopped trying; the user may try again or cancel. */
  | 'failed';

/** A file golden-retriever brought back after a reload, not yet continued. */
export interface RestoredFile {
  name: string;
  size: number;
  /** Our upload record's id, as stored with the file. */
  uploadId: string | null;
  /** True when the browser kept the file's bytes (small files): no need to pick it again. */
  hasData: boolean;
  bytesSent: number;
}

export interface UploadProblem {
  title: string;
  detail?: string | undefined;
  /** The file it was about, when the user just chose one. */
  fileName?: string | undefined;
}

export interface UploadSnapshot {
  phase: UploadPhase;
  file: { name: string; size: number } | null;
  bytesSent: number;
  bytesTotal: number;
  /** Smoothed bytes per second, or null until it has settled. */
  speed: number | null;
  secondsLeft: number | null;
  restored: RestoredFile | null;
  /** What is happening beyond the phase: "reconnecting", the retry count. */
  notice: string | null;
  /** When the next retry starts (ms since epoch), while retrying. */
  retryAt: number | null;
  /** Why the last start was refused, or why the app stopped trying. */
  problem: UploadProblem | null;
}

export const IDLE_SNAPSHOT: UploadSnapshot = {
  phase: 'restoring',
  file: null,
  bytesSent: 0,
  bytesTotal: 0,
  speed: null,
  secondsLeft: null,
  restored: null,
  notice: null,
  retryAt: null,
  problem: null,
};

/** Phases in which a file is being sent (or about to be): the picker is not offered. */
export function isRunning(phase: UploadPhase): boolean {
  return (
    phase === 'starting' ||
    phase === 'uploading' ||
    phase === 'paused' ||
    phase === 'retrying' ||
    phase === 'offline' ||
    phase === 'finishing' ||
    phase === 'cancelling'
  );
}
