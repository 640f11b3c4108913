import { ROLES, type Viewer } from '../domain/account';
import { LESSON_STATES, MEDIA_KINDS } from '../domain/lesson';
import { AppError } from '../errors';
import type { JobRepository } from '../repositories/job.repository';
import type { LessonRepository } from '../repositories/lesson.repository';
import type { MediaRepository } from '../repositories/media.repository';
import {
  UPLOAD_STATES,
  type Upload,
  type UploadRepository,
} from '../repositories/upload.repository';
import type { ObjectStorage, PartRef, UploadedPart } from '../storage/storage';
import type { AuditService } from './audit.service';
import { type LessonService, lessonPrefix } from './lesson.service';

export interface UploadLimits {
  maxUploadBytes: number;
  quotaBytes: number;
  minPartBytes: number;
}

/** The file names we take at the start; the content is checked after the upload. */
const VIDEO_EXTENSIONS = /\.(mp4|mov|m4v|webm|mkv)$/i;
const MiB = 1024 * 1024;
/** ListParts is read once without paging by the browser: stay under 1000 parts. */
const MAX_PARTS = 1000;
const PART_URL_SECONDS = 15 * 60;

export const PROCESS_LESSON_JOB = 'process-lesson';

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(n / MiB))} MB`;
}

/**
 * Resumable direct-to-store uploads. The API creates, lists, completes and aborts each
 * multipart upload itself (checking who asks and recording it); the part bytes go from
 * the browser straight to the store on URLs signed here.
 */
export class UploadService {
  constructor(
    private readonly deps: {
      uploads: UploadRepository;
      lessons: LessonRepository;
      media: MediaRepository;
      jobs: JobRepository;
      lessonService: LessonService;
      storage: ObjectStorage;
      audit: AuditService;
      limits: UploadLimits;
      onJobQueued: () => void;
    },
  ) {}

  /** Starts an upload for a lesson, or hands back the unfinished one for the same file. */
  async start(
    viewer: Viewer,
    lessonId: string,
    file: { fileName: string; size: number; contentType: string },
  ) {
    const { uploads, storage, limits } = this.deps;
    const lesson = await this.deps.lessonService.load(viewer, lessonId, 'write');
    // A stock clip's video is the one upload an admin makes (the write check above let
    // only the program's admins through for it).
    if (viewer.role !== ROLES.teacher && !(await this.deps.lessonService.isStockLesson(lesson.id)))
      throw new AppError('forbidden', 403, 'Only the teacher uploads their lesson');
    if (lesson.state !== LESSON_STATES.awaitingUpload && lesson.state !== LESSON_STATES.uploading) {
      throw new AppError(
        'already_uploaded',
        409,
        'This lesson already has its video',
        'Create a new lesson to upload another recording.',
      );
    }
    if (!VIDEO_EXTENSIONS.test(file.fileName)) {
      throw new AppError(
        'unsupported_type',
        415,
        'Not a video file we accept',
        'Upload an MP4, MOV, M4V, WebM or MKV recording.',
      );
    }
    if (file.size > limits.maxUploadBytes) {
      throw new AppError(
        'file_too_large',
        413,
        'File too large',
        `The largest recording you can upload is ${formatBytes(limits.maxUploadBytes)}; this one is ${formatBytes(file.size)}.`,
      );
    }
    const existing = await uploads.activeForLesson(lesson.id);
    if (existing && existing.fileName === file.fileName && existing.size === file.size) {
      return { upload: this.describe(existing), resumed: true };
    }
    const used =
      (await this.deps.media.bytesForTeacher(viewer.userId)) +
      (await uploads.activeBytesForUser(viewer.userId, lesson.id));
    if (used + file.size > limits.quotaBytes) {
      const left = Math.max(0, limits.quotaBytes - used);
      throw new AppError(
        'quota_exceeded',
        413,
        'Not enough storage left',
        `You have ${formatBytes(left)} of ${formatBytes(limits.quotaBytes)} left; this recording needs ${formatBytes(file.size)}. Delete an old lesson or ask your admin for more space.`,
      );
    }
    if (existing) await this.abortUpload(existing);
    const partSize = Math.max(limits.minPartBytes, Math.ceil(file.size / MAX_PARTS / MiB) * MiB);
    const id = crypto.randomUUID();
    const key = `${lessonPrefix(lesson.id)}original/${id}`;
    const contentType = file.contentType || 'application/octet-stream';
    const { uploadId } = await storage.createMultipart(key, { contentType, partSize });
    const upload = await uploads.create({
      id,
      programId: lesson.programId,
      lessonId: lesson.id,
      userId: viewer.userId,
      key,
      storeUploadId: uploadId,
      fileName: file.fileName,
      size: file.size,
      contentType,
      partSize,
    });
    await this.deps.lessons.update(lesson.id, {
      state: LESSON_STATES.uploading,
      stateReason: null,
    });
    return { upload: this.describe(upload), resumed: false };
  }

  private describe(u: Upload) {
    return {
      id: u.id,
      lessonId: u.lessonId,
      key: u.key,
      fileName: u.fileName,
      size: u.size,
      partSize: u.partSize,
      partCount: Math.max(1, Math.ceil(u.size / u.partSize)),
      state: u.state,
      storeUploadId: u.storeUploadId,
    };
  }

  /** The upload, when the viewer is the teacher who started it (others get a 404). */
  async load(viewer: Viewer, uploadId: string): Promise<Upload> {
    const upload = await this.deps.uploads.findById(uploadId);
    if (!upload || upload.userId !== viewer.userId || upload.programId !== viewer.programId) {
      throw new AppError('not_found', 404, 'Upload not found');
    }
    return upload;
  }

  private async loadActive(viewer: Viewer, uploadId: string, loaded?: Upload) {
    const upload = loaded ?? (await this.load(viewer, uploadId));
    if (upload.state !== UPLOAD_STATES.active || !upload.storeUploadId) {
      throw new AppError('upload_closed', 409, 'This upload has ended', 'Start the upload again.');
    }
    return upload as Upload & { storeUploadId: string };
  }

  async current(viewer: Viewer, lessonId: string) {
    await this.deps.lessonService.load(viewer, lessonId, 'write');
    const upload = await this.deps.uploads.activeForLesson(lessonId);
    if (!upload || upload.userId !== viewer.userId) return null;
    const parts = upload.storeUploadId
      ? await this.deps.storage.listParts(upload.key, upload.storeUploadId)
      : [];
    return { ...this.describe(upload), bytesStored: parts.reduce((n, p) => n + p.size, 0) };
  }

  async signPart(viewer: Viewer, uploadId: string, partNumber: number) {
    const upload = await this.loadActive(viewer, uploadId);
    const partCount = Math.max(1, Math.ceil(upload.size / upload.partSize));
    if (partNumber < 1 || partNumber > partCount) {
      throw AppError.validation([
        { path: '$.partNumber', reason: `this upload has parts 1 to ${partCount}` },
      ]);
    }
    await this.deps.uploads.touch(upload.id);
    return this.deps.storage.signPartUpload(
      upload.key,
      upload.storeUploadId,
      partNumber,
      PART_URL_SECONDS,
    );
  }

  async listParts(
    viewer: Viewer,
    uploadId: string,
  ): Promise<{ upload: Upload; parts: UploadedPart[] }> {
    const upload = await this.loadActive(viewer, uploadId);
    return { upload, parts: await this.deps.storage.listParts(upload.key, upload.storeUploadId) };
  }

  /**
   * Completes the upload when the browser's part list is exactly what the store holds
   * and adds up to the file; then queues processing. A re-sent completion answers the
   * same and queues nothing new.
   */
  async complete(viewer: Viewer, uploadId: string, claimed: readonly PartRef[]) {
    const upload = await this.load(viewer, uploadId);
    if (upload.state === UPLOAD_STATES.completed) return { upload, repeated: true };
    const active = await this.loadActive(viewer, uploadId, upload);
    const stored = await this.deps.storage.listParts(active.key, active.storeUploadId);
    const partCount = Math.max(1, Math.ceil(active.size / active.partSize));
    const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
    const problems: string[] = [];
    if (claimed.length !== partCount)
      problems.push(`expected ${partCount} parts, got ${claimed.length}`);
    // As S3 itself requires: each part once, in ascending order.
    if (claimed.some((part, i) => i > 0 && part.partNumber <= (claimed[i - 1]?.partNumber ?? 0)))
      problems.push('parts must be listed once each, in ascending order');
    for (const part of claimed) {
      const have = byNumber.get(part.partNumber);
      if (!have) problems.push(`part ${part.partNumber} was not received`);
      else if (have.etag.replaceAll('"', '') !== part.etag.replaceAll('"', '')) {
        problems.push(`part ${part.partNumber} does not match what was received`);
      }
    }
    const total = claimed.reduce((n, p) => n + (byNumber.get(p.partNumber)?.size ?? 0), 0);
    if (problems.length === 0 && total !== active.size)
      problems.push(`received ${total} bytes of ${active.size}`);
    if (problems.length) {
      throw new AppError('parts_mismatch', 400, 'The upload is not complete', problems.join('; '));
    }
    const info = await this.deps.storage.completeMultipart(
      active.key,
      active.storeUploadId,
      claimed,
    );
    if (
      !(await this.deps.uploads.transition(
        active.id,
        UPLOAD_STATES.active,
        UPLOAD_STATES.completed,
      ))
    ) {
      return { upload: active, repeated: true };
    }
    await this.deps.media.upsert({
      lessonId: active.lessonId,
      kind: MEDIA_KINDS.original,
      storageKey: active.key,
      contentType: active.contentType,
      sizeBytes: info.size,
      meta: { fileName: active.fileName },
    });
    await this.deps.lessons.update(active.lessonId, {
      state: LESSON_STATES.processing,
      progress: 0,
    });
    await this.deps.jobs.enqueue(PROCESS_LESSON_JOB, active.lessonId);
    this.deps.onJobQueued();
    await this.deps.audit.record({
      programId: active.programId,
      actorId: viewer.userId,
      action: 'lesson.uploaded',
      subjectType: 'lesson',
      subjectId: active.lessonId,
      lessonId: active.lessonId,
      detail: { bytes: info.size },
    });
    return { upload: { ...active, state: UPLOAD_STATES.completed }, repeated: false };
  }

  /** Cancels an upload: the store forgets its parts and the lesson waits for a file again. */
  async abort(viewer: Viewer, uploadId: string): Promise<void> {
    const upload = await this.load(viewer, uploadId);
    if (upload.state !== UPLOAD_STATES.active) return;
    await this.abortUpload(upload);
    await this.deps.lessons.update(upload.lessonId, { state: LESSON_STATES.awaitingUpload });
  }

  private async abortUpload(upload: Upload): Promise<void> {
    if (upload.storeUploadId)
      await this.deps.storage.abortMultipart(upload.key, upload.storeUploadId);
    await this.deps.uploads.transition(upload.id, UPLOAD_STATES.active, UPLOAD_STATES.aborted);
  }

  /** The scheduled cleanup: uploads untouched for `maxIdleMs` are aborted, in the store too. */
  async abortAbandoned(maxIdleMs: number): Promise<number> {
    const before = new Date(Date.now() - maxIdleMs);
    const stale = await this.deps.uploads.listStale(before.toISOString());
    for (const upload of stale) {
      await this.abortUpload(upload);
      const lesson = await this.deps.lessons.findById(upload.lessonId);
      if (lesson?.state === LESSON_STATES.uploading) {
        await this.deps.lessons.update(lesson.id, { state: LESSON_STATES.awaitingUpload });
      }
    }
    // Uploads the store holds that no record knows (a crash between create and record).
    const orphans = await this.deps.storage.listMultipartUploads({
      prefix: 'lessons/',
      olderThan: before,
    });
    for (const orphan of orphans) {
      const known = await this.deps.uploads.findByStoreUploadId(orphan.uploadId);
      if (known?.state !== UPLOAD_STATES.active) {
        await this.deps.storage.abortMultipart(orphan.key, orphan.uploadId);
      }
    }
    return stale.length;
  }
}
