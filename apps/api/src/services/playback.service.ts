import type { Viewer } from '../domain/account';
import { LESSON_STATES, MEDIA_KINDS } from '../domain/lesson';
import type { MediaRepository } from '../repositories/media.repository';
import type { ObjectStorage } from '../storage/storage';
import type { AccessService } from './access.service';
import { AUDIT_ACTIONS, type AuditService } from './audit.service';
import type { LessonService } from './lesson.service';

/** Playback URLs live minutes: long enough to start watching, too short to pass around. */
export const MEDIA_URL_SECONDS = 5 * 60;

/** Short-lived media URLs, issued only after the access check, and an audit line per opening. */
export class PlaybackService {
  constructor(
    private readonly deps: {
      lessons: LessonService;
      media: MediaRepository;
      storage: ObjectStorage;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  async urls(viewer: Viewer, lessonId: string, ipAddress: string) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    await this.deps.access.assert(
      viewer,
      'read',
      await this.deps.lessons.resourceOf(lesson, 'lesson-media'),
      'Lesson',
    );
    const assets = await this.deps.media.listForLesson(lesson.id);
    const of = (kind: string) => assets.find((a) => a.kind === kind);
    const sign = (key: string, contentType: string) =>
      this.deps.storage.signDownload(key, {
        expiresInSeconds: MEDIA_URL_SECONDS,
        contentType,
        disposition: 'inline',
      });
    const servable =
      lesson.state === LESSON_STATES.ready || lesson.state === LESSON_STATES.notProcessed;
    const video = servable ? (of(MEDIA_KINDS.playable) ?? of(MEDIA_KINDS.original)) : undefined;
    const poster = of(MEDIA_KINDS.poster);
    const storyboard = of(MEDIA_KINDS.storyboard);
    await this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action: AUDIT_ACTIONS.mediaOpened,
      subjectType: 'lesson',
      subjectId: lesson.id,
      lessonId: lesson.id,
      ipAddress,
    });
    return {
      expiresAt: new Date(Date.now() + MEDIA_URL_SECONDS * 1000).toISOString(),
      video: video
        ? { url: await sign(video.storageKey, video.contentType), contentType: video.contentType }
        : null,
      poster: poster ? { url: await sign(poster.storageKey, 'image/jpeg') } : null,
      storyboard: storyboard
        ? { url: await sign(storyboard.storageKey, 'image/jpeg'), ...(storyboard.meta ?? {}) }
        : null,
    };
  }
}
