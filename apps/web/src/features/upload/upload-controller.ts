import AwsS3 from '@uppy/aws-s3';
import Uppy, { type Meta, type UppyFile } from '@uppy/core';
import { getSafeFileId } from '@uppy/core/utils';
import GoldenRetriever from '@uppy/golden-retriever';
import { ApiError, unwrapEmpty, unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';
import { trackUpload } from './active-uploads';
import { hasRecoveryRecord } from './recovery-record';
import {
  decideRetry,
  describeFailure,
  isStalled,
  RETRY_POLICY,
  type UploadFailure,
} from './retry-policy';
import { absoluteUrl, type S3Request, toS3Target } from './s3-requests';
import {
  initialSpeed,
  type SpeedState,
  sampleSpeed,
  secondsLeft,
  settledSpeed,
} from './speed-meter';
import {
  IDLE_SNAPSHOT,
  isRunning,
  type UploadPhase,
  type UploadProblem,
  type UploadSnapshot,
} from './upload-snapshot';

/** What the app keeps with each Uppy file (golden-retriever persists it across reloads). */
type UploadMeta = Meta & { elevateUploadId?: string; elevatePartSize?: number };
type UploadBody = Record<string, never>;
type UploadFile = UppyFile<UploadMeta, UploadBody>;

/** Bytes of a file to send: a picked File, or a Blob the browser kept across a reload. */
type Source = { name: string; size: number; type: string; data: Blob };

const SIGN_TIMEOUT_MS = 20_000;
const RESTORE_TIMEOUT_MS = 5_000;
const TICK_MS = 1_000;
const NOTIFY_EVERY_MS = 200;

const noop = () => {};

/**
 * One lesson's upload: Uppy with the S3 plugin (parts go straight to the store, control calls
 * through our API) and golden-retriever (the upload survives a reload), plus what Uppy leaves
 * to the app: retrying a failed file with backoff, waiting out offline spells, restarting a
 * stalled upload, and the numbers the panel shows. It outlives the page that started it, so
 * an upload keeps going while the teacher looks at other pages.
 */
export class LessonUploader {
  readonly ready: Promise<void>;
  private readonly uppy: Uppy<UploadMeta, UploadBody>;
  private snapshot: UploadSnapshot = IDLE_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private readonly serverListeners = new Set<() => void>();
  private readonly aborts = new Map<string, Promise<void>>();
  /** Uploads the user chose to cancel: the only ones whose parts may be thrown away. */
  private readonly cancelling = new Set<string>();

  private floorBytes = 0;
  private uppyBytes = 0;
  private partSize = 0;
  private speed: SpeedState = initialSpeed;
  private failures = 0;
  private lastActivityAt = 0;
  private lastNotifyAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly lessonId: string,
    private readonly client: ApiClient,
    private readonly origin: string = window.location.origin,
  ) {
    this.uppy = new Uppy<UploadMeta, UploadBody>({
      // One Uppy per lesson: golden-retriever keeps its snapshot under this id.
      id: `elevate-lesson-${lessonId}`,
      autoProceed: false,
    });
    this.uppy.use(AwsS3<UploadMeta, UploadBody>, {
      shouldUseMultipart: true,
      // The API fixes the part size when the upload starts (the local store needs every
      // part but the last to be exactly that size); it travels in the file's meta.
      getChunkSize: () => this.currentFile()?.meta.elevatePartSize ?? this.partSize,
      // The key is ours to choose and only signRequest sees it: see s3-requests.ts.
      generateObjectKey: (file) => String(file.meta.elevateUploadId),
      allowedMetaFields: false,
      limit: 1,
      signRequest: (request) => this.sign(request),
    });
    this.uppy.on('upload-progress', (file, progress) => {
      if (!this.isCurrent(file)) return;
      this.uppyBytes = progress.bytesUploaded;
      this.noteActivity();
    });
    this.uppy.on('s3-multipart:part-uploaded', (file, part) => {
      if (!this.isCurrent(file)) return;
      const total = this.snapshot.bytesTotal;
      // Parts go in order, so every part up to this one is stored.
      this.floorBytes = Math.max(this.floorBytes, Math.min(total, part.PartNumber * this.partSize));
      this.failures = 0;
      this.noteActivity();
    });
    this.uppy.on('upload-success', (file) => {
      if (!this.isCurrent(file)) return;
      this.stopTimers();
      this.set({ phase: 'done', bytesSent: this.snapshot.bytesTotal, notice: null, speed: null });
      this.serverChanged();
      // Forgetting the finished file also clears golden-retriever's snapshot.
      setTimeout(() => {
        if (file && this.uppy.getFile(file.id)) this.uppy.removeFile(file.id);
      }, 0);
    });
    this.uppy.on('upload-error', (file, error) => {
      if (this.isCurrent(file)) this.onFailure(error);
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.ready = this.restore();
  }

  // --- what the panel uses -------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadSnapshot => this.snapshot;

  /** Called when the upload changed the lesson on the server (started, finished, cancelled). */
  onServerChange(listener: () => void): () => void {
    this.serverListeners.add(listener);
    return () => this.serverListeners.delete(listener);
  }

  /**
   * Starts an upload of `file`, or continues the unfinished one when it is the same file.
   * `halfDone` is the API's unfinished upload, if the page knows it: when it is this file,
   * the bar starts at what it holds instead of zero.
   */
  choose(
    file: File,
    halfDone?: { fileName: string; size: number; bytesStored: number },
  ): Promise<void> {
    const isSame = halfDone?.fileName === file.name && halfDone.size === file.size;
    return this.startWith(
      { name: file.name, size: file.size, type: file.type, data: file },
      isSame ? halfDone.bytesStored : 0,
    );
  }

  /** Continues a restored upload whose bytes the browser kept (no need to pick the file). */
  continueRestored(): Promise<void> {
    const file = this.currentFile();
    if (!file || file.isGhost || !(file.data instanceof Blob)) return Promise.resolve();
    return this.startWith(
      { name: file.name ?? 'recording', size: file.data.size, type: file.type, data: file.data },
      0,
    );
  }

  pause(): void {
    const file = this.currentFile();
    if (!file || this.snapshot.phase === 'paused') return;
    this.clearRetry();
    if (!file.error && !file.isPaused) this.uppy.pauseResume(file.id);
    // The part in flight is dropped and sent again on resume: show what is stored.
    this.uppyBytes = this.floorBytes;
    this.set({
      phase: 'paused',
      bytesSent: this.sentBytes(),
      notice: null,
      speed: null,
      secondsLeft: null,
      retryAt: null,
    });
  }

  resume(): void {
    if (!this.currentFile()) return;
    this.failures = 0;
    this.restartFile('uploading');
  }

  /** After the app gave up: one more round of attempts. */
  retryNow(): void {
    this.resume();
  }

  /**
   * Cancels the upload: stops sending, and has the API abort the multipart upload (the store
   * drops the parts) so the lesson waits for a recording again. Also discards a half-done
   * upload known only to the API (`serverUploadId`), for which there is no file here.
   */
  async cancel(serverUploadId?: string): Promise<void> {
    const file = this.currentFile();
    const uploadId = file?.meta.elevateUploadId ?? serverUploadId;
    this.stopTimers();
    if (uploadId) this.cancelling.add(uploadId);
    this.set({ phase: 'cancelling', notice: null, retryAt: null });
    // Removing the file stops its requests; while its uploader runs, Uppy also asks to abort,
    // which `sign` turns into the same single API call as the one below.
    if (file) this.uppy.removeFile(file.id);
    try {
      if (uploadId) await this.abortOnServer(uploadId);
      this.resetAll({ phase: 'idle' });
    } catch (error) {
      this.resetAll({ problem: problemOf(error, 'The upload could not be cancelled') });
    }
    this.serverChanged();
  }

  /**
   * Drops a restored file the API no longer knows (the upload ended elsewhere, or was cleaned
   * up): there is nothing left to continue. Nothing is sent.
   */
  forgetRestored(): void {
    const file = this.currentFile();
    if (!file || isRunning(this.snapshot.phase)) return;
    this.uppy.removeFile(file.id);
    this.set({ restored: null });
  }

  /** Stops everything and lets go of Uppy (the lesson is being deleted). */
  async dispose(): Promise<void> {
    if (this.currentFile()) await this.cancel().catch(noop);
    this.stopTimers();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.uppy.destroy();
    uploaders.delete(this.lessonId);
  }

  dismissProblem(): void {
    if (this.snapshot.problem) this.set({ problem: null });
  }

  // --- starting ------------------------------------------------------------------------

  private async restore(): Promise<void> {
    // Without IndexedDB (rare, and in tests) the browser cannot keep the upload's state;
    // the API still knows the half-done upload, so picking the same file continues it.
    if (typeof indexedDB !== 'undefined') {
      const hasSnapshot = await hasRecoveryRecord(this.uppy.getID()).catch(() => false);
      const restored = hasSnapshot ? waitFor(this.uppy, 'restored', RESTORE_TIMEOUT_MS) : null;
      this.uppy.use(GoldenRetriever<UploadMeta, UploadBody>, {});
      await restored;
    }
    const file = this.currentFile();
    if (file?.progress.uploadComplete) this.uppy.removeFile(file.id);
    this.set({ phase: 'idle', restored: this.describeRestored() });
  }

  private describeRestored(): UploadSnapshot['restored'] {
    const file = this.currentFile();
    if (!file || file.progress.uploadComplete) return null;
    return {
      name: file.name ?? 'recording',
      size: file.size ?? 0,
      uploadId: file.meta.elevateUploadId ?? null,
      hasData: !file.isGhost && !!file.data,
      bytesSent: Number(file.progress.bytesUploaded) || 0,
    };
  }

  private async startWith(source: Source, knownStored: number): Promise<void> {
    await this.ready;
    // One file at a time: the panel offers no picker while one is going up.
    if (isRunning(this.snapshot.phase)) return;
    this.set({
      phase: 'starting',
      file: { name: source.name, size: source.size },
      bytesTotal: source.size,
      bytesSent: knownStored,
      problem: null,
      notice: null,
    });
    let started: Awaited<ReturnType<LessonUploader['startOnServer']>>;
    try {
      started = await this.startOnServer(source);
    } catch (error) {
      this.set({
        phase: 'idle',
        file: null,
        problem: { ...problemOf(error, 'The upload could not start'), fileName: source.name },
      });
      return;
    }
    const { upload, resumed } = started;
    this.serverChanged();
    this.partSize = upload.partSize;
    this.floorBytes = resumed ? Math.max(upload.bytesStored, knownStored) : 0;
    this.uppyBytes = 0;
    this.failures = 0;

    const previous = this.currentFile();
    const id = this.fileIdOf(source);
    const isSameUpload =
      resumed &&
      previous?.id === id &&
      previous.meta.elevateUploadId === upload.id &&
      previous.progress.uploadStarted != null;
    this.set({ phase: 'uploading', restored: null, bytesSent: this.floorBytes });
    this.startTimers();
    if (isSameUpload) {
      // golden-retriever's file (persisted with the store's upload id): give it its bytes
      // back and confirm the restore, as its Dashboard would; Uppy lists the stored parts
      // and sends only the missing ones.
      if (previous.isGhost) this.uppy.addFile(this.descriptor(source, {}));
      this.confirmRestore(id);
      return;
    }
    if (previous) this.uppy.removeFile(previous.id);
    const fileId = this.uppy.addFile(
      this.descriptor(source, { elevateUploadId: upload.id, elevatePartSize: upload.partSize }),
    );
    if (resumed && upload.storeUploadId) {
      // The API still holds parts of this file (the browser's own record is gone): resume
      // the multipart upload it names, so Uppy lists the parts instead of creating another.
      this.uppy.setFileState(fileId, {
        s3Multipart: { uploadId: upload.storeUploadId, key: upload.id },
      });
    }
    this.uppy.upload().catch(noop);
  }

  private async startOnServer(source: Source) {
    const { upload, resumed } = await unwrapJson(
      this.client.lessons[':id'].upload.$post({
        param: { id: this.lessonId },
        json: { fileName: source.name, size: source.size, contentType: source.type },
      }),
    );
    // A resumed upload's stored bytes seed the bar, so it never flashes back to zero.
    let bytesStored = 0;
    if (resumed) {
      const current = await unwrapJson(
        this.client.lessons[':id'].upload.$get({ param: { id: this.lessonId } }),
      ).catch(() => null);
      if (current?.upload?.id === upload.id) bytesStored = current.upload.bytesStored;
    }
    return { upload: { ...upload, bytesStored }, resumed };
  }

  private confirmRestore(fileId: string): void {
    // Keep only the restored upload run that holds this file, so it is run once.
    const { currentUploads } = this.uppy.getState();
    const entry = Object.entries(currentUploads).find(([, u]) => u.fileIDs.includes(fileId));
    this.uppy.setState({ currentUploads: entry ? { [entry[0]]: entry[1] } : {} });
    this.uppy.emit('restore-confirmed');
    // golden-retriever restarts runs it recorded, or new files; a file it recorded as started
    // but in no run (its snapshot lagged) would sit still: start it here.
    setTimeout(() => {
      const runs = Object.values(this.uppy.getState().currentUploads);
      const file = this.uppy.getFile(fileId);
      if (file && !file.progress.uploadComplete && !runs.some((r) => r.fileIDs.includes(fileId))) {
        this.uppy.retryUpload(fileId).catch(noop);
      }
    }, 0);
  }

  // --- S3 requests -----------------------------------------------------------------------

  private async sign(
    request: S3Request,
  ): Promise<{ url: string; headers?: Record<string, string> }> {
    const target = toS3Target(request);
    if (target.kind === 'part') {
      const signed = await unwrapJson(
        this.client.uploads[':id'].parts[':partNumber'].sign.$post(
          { param: { id: target.uploadId, partNumber: String(target.partNumber) } },
          { init: { signal: AbortSignal.timeout(SIGN_TIMEOUT_MS) } },
        ),
      );
      return { url: absoluteUrl(signed.url, this.origin), headers: { ...signed.headers } };
    }
    if (target.call === 'abort') {
      // Uppy aborts the multipart upload whenever a running file is removed. Only a cancel
      // may do that (it aborts through the API itself; this joins the same call): removing
      // a file to put the same upload's file back, or to forget it, must keep the parts.
      if (!this.cancelling.has(target.uploadId)) throw new Error('not cancelled: parts kept');
      await this.abortOnServer(target.uploadId);
    }
    return { url: absoluteUrl(target.url, this.origin) };
  }

  private abortOnServer(uploadId: string): Promise<void> {
    let pending = this.aborts.get(uploadId);
    if (!pending) {
      pending = unwrapEmpty(this.client.uploads[':id'].s3.$delete({ param: { id: uploadId } }));
      pending.catch(() => this.aborts.delete(uploadId));
      this.aborts.set(uploadId, pending);
    }
    return pending;
  }

  // --- failures, offline, stalls ---------------------------------------------------------

  private onFailure(error: unknown): void {
    if (this.snapshot.phase === 'cancelling' || this.snapshot.phase === 'paused') return;
    this.failures += 1;
    const failure = describeFailure(error);
    const decision = decideRetry(failure, { attempt: this.failures, isOnline: navigator.onLine });
    this.clearRetry();
    if (decision.action === 'wait-online') {
      this.failures -= 1; // waiting for the network is not a failed attempt
      this.set({ phase: 'offline', notice: null, speed: null, secondsLeft: null });
      return;
    }
    if (decision.action === 'stop') {
      this.stopTimers();
      this.set({ phase: 'failed', problem: failureProblem(failure), speed: null, notice: null });
      return;
    }
    const retryAt = Date.now() + decision.delayMs;
    this.set({
      phase: 'retrying',
      retryAt,
      speed: null,
      secondsLeft: null,
      notice: `Attempt ${this.failures + 1} of ${RETRY_POLICY.maxAttempts + 1}`,
    });
    this.retryTimer = setTimeout(() => this.restartFile('uploading'), decision.delayMs);
  }

  /**
   * Sends the file again from the parts the store holds: a failed file is retried (only this
   * one, not every file as `retryAll` would), a running one is paused and resumed, which
   * drops a hung request and lists the stored parts.
   */
  private restartFile(phase: UploadPhase, notice: string | null = null): void {
    const file = this.currentFile();
    if (!file) return;
    this.clearRetry();
    this.speed = initialSpeed;
    this.lastActivityAt = Date.now();
    this.set({ phase, notice, retryAt: null, problem: null });
    this.startTimers();
    if (file.error) {
      this.uppy.retryUpload(file.id).catch(noop);
      return;
    }
    if (!file.isPaused) this.uppy.pauseResume(file.id);
    this.uppy.pauseResume(file.id);
  }

  private readonly onOnline = () => {
    const { phase } = this.snapshot;
    if (phase === 'offline' || phase === 'retrying') this.restartFile('uploading');
  };

  private readonly onOffline = () => {
    const { phase } = this.snapshot;
    if (phase === 'uploading' || phase === 'finishing' || phase === 'retrying') {
      this.clearRetry();
      this.set({ phase: 'offline', notice: null, speed: null, secondsLeft: null, retryAt: null });
    }
  };

  private readonly tick = () => {
    const { phase, bytesTotal } = this.snapshot;
    if (phase !== 'uploading' && phase !== 'finishing') return;
    const now = Date.now();
    // A sample without new bytes lets the speed fall while nothing moves.
    this.speed = sampleSpeed(this.speed, now, this.sentBytes());
    if (isStalled(this.lastActivityAt, now, phase === 'finishing')) {
      this.failures += 1;
      if (this.failures > RETRY_POLICY.maxAttempts) {
        this.stopTimers();
        // Nothing goes on in the background; "Try again" resumes it.
        const file = this.currentFile();
        if (file && !file.error && !file.isPaused) this.uppy.pauseResume(file.id);
        this.set({
          phase: 'failed',
          problem: {
            title: 'The upload stopped moving',
            detail:
              'Elevate kept reconnecting, without progress. Check your connection, then try again.',
          },
        });
        return;
      }
      this.restartFile(
        this.sentBytes() >= bytesTotal ? 'finishing' : 'uploading',
        'The connection stalled, so the upload reconnected.',
      );
      return;
    }
    this.publishNumbers(true);
  };

  // --- bookkeeping ---------------------------------------------------------------------

  private noteActivity(): void {
    this.lastActivityAt = Date.now();
    const { phase } = this.snapshot;
    if (phase === 'offline' || phase === 'retrying' || phase === 'starting') {
      this.set({ phase: 'uploading', retryAt: null });
    }
    this.publishNumbers(false);
  }

  private sentBytes(): number {
    return Math.min(this.snapshot.bytesTotal, Math.max(this.floorBytes, this.uppyBytes));
  }

  private publishNumbers(force: boolean): void {
    const now = Date.now();
    const sent = this.sentBytes();
    this.speed = sampleSpeed(this.speed, now, sent);
    if (!force && now - this.lastNotifyAt < NOTIFY_EVERY_MS) return;
    const speed = settledSpeed(this.speed);
    const { phase, bytesTotal } = this.snapshot;
    const isFinishing = phase === 'uploading' && bytesTotal > 0 && sent >= bytesTotal;
    this.set({
      bytesSent: sent,
      speed,
      secondsLeft: secondsLeft(bytesTotal - sent, speed),
      ...(isFinishing ? { phase: 'finishing' as const } : {}),
    });
  }

  private startTimers(): void {
    if (!this.ticker) this.ticker = setInterval(this.tick, TICK_MS);
  }

  private clearRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private stopTimers(): void {
    this.clearRetry();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private resetAll(patch: Partial<UploadSnapshot>): void {
    this.floorBytes = 0;
    this.uppyBytes = 0;
    this.failures = 0;
    this.speed = initialSpeed;
    this.set({ ...IDLE_SNAPSHOT, phase: 'idle', ...patch });
  }

  private set(patch: Partial<UploadSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.lastNotifyAt = Date.now();
    for (const listener of this.listeners) listener();
  }

  private serverChanged(): void {
    for (const listener of this.serverListeners) listener();
  }

  private currentFile(): UploadFile | undefined {
    return this.uppy.getFiles()[0];
  }

  private isCurrent(file: UploadFile | undefined): boolean {
    return !!file && file.id === this.currentFile()?.id;
  }

  /** The file as Uppy receives it; the same source always gets the same Uppy id. */
  private descriptor(source: Source, meta: Partial<UploadMeta>) {
    return {
      name: source.name,
      type: source.type,
      data: source.data,
      source: 'elevate',
      isRemote: false as const,
      meta: meta as UploadMeta,
    };
  }

  private fileIdOf(source: Source): string {
    // Uppy's own id: name, type, size and lastModified (hence "pick the same file").
    return getSafeFileId({ ...this.descriptor(source, {}), meta: {} }, this.uppy.getID());
  }
}

/** Resolves on the event, or after `ms` anyway (a restore that never reports back). */
function waitFor(uppy: Uppy<UploadMeta, UploadBody>, event: 'restored', ms: number) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      uppy.off(event, done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    uppy.on(event, done);
  });
}

function problemOf(error: unknown, fallback: string): UploadProblem {
  if (error instanceof ApiError) return { title: error.title, detail: error.detail };
  return { title: fallback, detail: error instanceof Error ? error.message : undefined };
}

function failureProblem(failure: UploadFailure): UploadProblem {
  switch (failure.kind) {
    case 'ended':
      return {
        title: 'This upload has ended',
        detail:
          'Elevate no longer holds it: it was cancelled, or left unfinished too long. Choose the file again to start over.',
      };
    case 'signed-out':
      return {
        title: 'You are signed out',
        detail: 'Sign in again, then come back and choose the same file to continue.',
      };
    case 'refused':
      return { title: failure.title, detail: failure.detail };
    default:
      return {
        title: 'The upload keeps failing',
        detail:
          'Elevate tried several times. What is already uploaded is kept: try again when your connection is steadier.',
      };
  }
}

const uploaders = new Map<string, LessonUploader>();

/**
 * The lesson's uploader, made on first use and kept for the life of the page, so an upload
 * goes on while the teacher opens other pages and is there again when they come back.
 */
export function uploaderFor(lessonId: string, client: ApiClient): LessonUploader {
  let uploader = uploaders.get(lessonId);
  if (!uploader) {
    const created = new LessonUploader(lessonId, client);
    uploaders.set(lessonId, created);
    trackUpload(lessonId, { stop: () => created.dispose() });
    uploader = created;
  }
  return uploader;
}
