import { ROLES, type Viewer } from '../domain/account';
import { AppError } from '../errors';
import type { ReviewRepository } from '../repositories/review.repository';
import type { TranscriptRepository } from '../repositories/transcript.repository';
import { parseCaptions } from '../review/captions';
import { coveredMs, type Interval, mergeIntervals } from '../review/intervals';
import type { AccessService } from './access.service';
import type { LessonService } from './lesson.service';

/** Transcripts (captions) and watch progress of lessons. */
export class TranscriptService {
  constructor(
    private readonly deps: {
      transcripts: TranscriptRepository;
      review: ReviewRepository;
      lessons: LessonService;
      access: AccessService;
    },
  ) {}

  async get(viewer: Viewer, lessonId: string) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    return (await this.deps.transcripts.get(lesson.id)) ?? null;
  }

  /** The teacher or their coach uploads a WebVTT or SRT file (e.g. from a video call). */
  async put(viewer: Viewer, lessonId: string, text: string) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    await this.deps.access.assert(
      viewer,
      'write',
      { kind: 'shared-item', programId: lesson.programId, teacherId: lesson.teacherId },
      'Lesson',
    );
    const parsed = parseCaptions(text);
    if ('problems' in parsed)
      throw AppError.validation(parsed.problems, 'The transcript could not be read.');
    await this.deps.transcripts.put(lesson.id, parsed.format, parsed.cues);
    return { format: parsed.format, cues: parsed.cues };
  }

  async delete(viewer: Viewer, lessonId: string): Promise<void> {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    await this.deps.access.assert(
      viewer,
      'write',
      { kind: 'shared-item', programId: lesson.programId, teacherId: lesson.teacherId },
      'Lesson',
    );
    await this.deps.transcripts.delete(lesson.id);
  }

  /** Records seconds actually watched by the viewer (merged with what was there). */
  async recordWatched(viewer: Viewer, lessonId: string, intervals: Interval[]) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    const limit = lesson.durationMs ?? Number.MAX_SAFE_INTEGER;
    const clamped = intervals.map(([s, e]) => [Math.max(0, s), Math.min(limit, e)] as Interval);
    const merged = mergeIntervals([
      ...(await this.deps.transcripts.watched(lesson.id, viewer.userId)),
      ...clamped,
    ]);
    await this.deps.transcripts.putWatched(lesson.id, viewer.userId, merged);
    return this.summary(viewer, lessonId);
  }

  /** How much of each clip the lesson's teacher has watched (for the teacher and the coach). */
  async summary(viewer: Viewer, lessonId: string) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    if (viewer.role === ROLES.admin) throw new AppError('forbidden', 403, 'Not available to you');
    const watched = await this.deps.transcripts.watched(lesson.id, lesson.teacherId);
    const clips = await this.deps.review.clips(lesson.id);
    return {
      teacherId: lesson.teacherId,
      clips: clips.map((c) => {
        const length = c.endMs - c.startMs;
        const ms = coveredMs(watched, c.startMs, c.endMs);
        return {
          position: c.position,
          lengthMs: length,
          watchedMs: ms,
          percent: Math.round((ms / length) * 100),
        };
      }),
      totalWatchedMs: watched.reduce((n, [s, e]) => n + (e - s), 0),
    };
  }
}
