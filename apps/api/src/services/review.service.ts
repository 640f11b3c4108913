import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import type { Lesson } from '../domain/lesson';
import { type Annotation, type Clip, VISIBILITY } from '../domain/review';
import { AppError, type ProblemField } from '../errors';
import type { AnnotationInput, ReviewRepository } from '../repositories/review.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { LessonService } from './lesson.service';
import { denied, type Resource } from './policy';

/** The usual clip is about five minutes; far from that is allowed, with a hint. */
const USUAL_CLIP_MS = 5 * 60_000;

export interface ClipInput {
  startMs: number;
  endMs: number;
  summary: string;
  reason: string;
}

/** The review of a lesson: the coach's two clips, coded annotations, replies. */
export class ReviewService {
  constructor(
    private readonly deps: {
      review: ReviewRepository;
      users: UserRepository;
      lessons: LessonService;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  private shared(lesson: Lesson, authorId?: string): Resource {
    return {
      kind: 'shared-item',
      programId: lesson.programId,
      teacherId: lesson.teacherId,
      ...(authorId ? { authorId } : {}),
    };
  }

  /** Everything the review page draws: clips, and the annotations the viewer may see. */
  async timeline(viewer: Viewer, lessonId: string) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    const privateOf = viewer.role === ROLES.coach ? viewer.userId : null;
    const [clips, annotations] = await Promise.all([
      this.deps.review.clips(lesson.id),
      this.deps.review.annotations(lesson.id, privateOf),
    ]);
    const teacher = await this.deps.users.findById(lesson.teacherId);
    return { lesson, teacherName: teacher?.name ?? '', clips: clips.map(withHint), annotations };
  }

  /** Sets clip 1 or 2; the coach of the lesson's teacher only. */
  async putClip(viewer: Viewer, lessonId: string, position: 1 | 2, input: ClipInput) {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    await this.assertCoach(viewer, lesson);
    checkRange(lesson, input.startMs, input.endMs, '$');
    await this.deps.review.putClip(lesson.id, position, { ...input, createdBy: viewer.userId });
    const clip = (await this.deps.review.clips(lesson.id)).find(
      (c) => c.position === position,
    ) as Clip;
    return withHint(clip);
  }

  async deleteClip(viewer: Viewer, lessonId: string, position: 1 | 2): Promise<void> {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    await this.assertCoach(viewer, lesson);
    if (!(await this.deps.review.deleteClip(lesson.id, position))) throw denied('Clip');
    await this.audit(viewer, lesson, 'clip.deleted', { position });
  }

  async createAnnotation(
    viewer: Viewer,
    lessonId: string,
    input: AnnotationInput,
  ): Promise<Annotation> {
    const lesson = await this.deps.lessons.load(viewer, lessonId);
    await this.assertCoach(viewer, lesson);
    checkAnnotation(lesson, input);
    const id = await this.deps.review.createAnnotation(lesson.id, viewer.userId, input);
    return this.annotationFor(viewer, lesson.id, id);
  }

  /** The annotation, when the viewer may see it at all (the same 404 otherwise). */
  private async loadAnnotation(viewer: Viewer, id: string) {
    const row = await this.deps.review.findAnnotation(id);
    if (!row) throw denied('Annotation');
    const lesson = await this.deps.lessons.load(viewer, row.lesson_id).catch(() => {
      throw denied('Annotation');
    });
    const resource: Resource =
      row.visibility === VISIBILITY.private
        ? {
            kind: 'private-item',
            programId: lesson.programId,
            teacherId: lesson.teacherId,
            authorId: row.author_id,
          }
        : this.shared(lesson, row.author_id);
    await this.deps.access.assert(viewer, 'read', resource, 'Annotation');
    return { row, lesson, resource };
  }

  async updateAnnotation(viewer: Viewer, id: string, input: AnnotationInput): Promise<Annotation> {
    const { row, lesson, resource } = await this.loadAnnotation(viewer, id);
    if (row.author_id !== viewer.userId) throw denied('Annotation');
    await this.deps.access.assert(viewer, 'write', resource, 'Annotation');
    checkAnnotation(lesson, input);
    await this.deps.review.updateAnnotation(id, input);
    return this.annotationFor(viewer, lesson.id, id);
  }

  async deleteAnnotation(viewer: Viewer, id: string): Promise<void> {
    const { row, lesson, resource } = await this.loadAnnotation(viewer, id);
    if (row.author_id !== viewer.userId) throw denied('Annotation');
    await this.deps.access.assert(viewer, 'delete', resource, 'Annotation');
    await this.deps.review.deleteAnnotation(id);
    await this.audit(viewer, lesson, 'annotation.deleted', { annotationId: id });
  }

  /** Replies on public annotations, from the teacher and their coach. */
  async reply(viewer: Viewer, annotationId: string, body: string): Promise<Annotation> {
    const { row, lesson } = await this.loadAnnotation(viewer, annotationId);
    if (row.visibility !== VISIBILITY.public) {
      throw new AppError('private_annotation', 409, 'Private notes take no replies');
    }
    await this.deps.access.assert(viewer, 'write', this.shared(lesson), 'Annotation');
    await this.deps.review.createReply(annotationId, lesson.id, viewer.userId, body);
    return this.annotationFor(viewer, lesson.id, annotationId);
  }

  private async loadOwnReply(viewer: Viewer, replyId: string) {
    const reply = await this.deps.review.findReply(replyId);
    if (!reply || reply.author_id !== viewer.userId) throw denied('Reply');
    const { lesson } = await this.loadAnnotation(viewer, reply.annotation_id);
    await this.deps.access.assert(viewer, 'write', this.shared(lesson, reply.author_id), 'Reply');
    return { reply, lesson };
  }

  async updateReply(viewer: Viewer, replyId: string, body: string): Promise<Annotation> {
    const { reply, lesson } = await this.loadOwnReply(viewer, replyId);
    await this.deps.review.updateReply(replyId, body);
    return this.annotationFor(viewer, lesson.id, reply.annotation_id);
  }

  async deleteReply(viewer: Viewer, replyId: string): Promise<void> {
    const { lesson } = await this.loadOwnReply(viewer, replyId);
    await this.deps.review.deleteReply(replyId);
    await this.audit(viewer, lesson, 'reply.deleted', { replyId });
  }

  /** The annotation just written, as the viewer sees it (loaded alone, not the whole lesson). */
  private async annotationFor(viewer: Viewer, lessonId: string, id: string): Promise<Annotation> {
    const privateOf = viewer.role === ROLES.coach ? viewer.userId : null;
    const found = await this.deps.review.annotation(lessonId, id, privateOf);
    if (!found) throw denied('Annotation');
    return found;
  }

  private async assertCoach(viewer: Viewer, lesson: Lesson): Promise<void> {
    if (viewer.role !== ROLES.coach) {
      throw new AppError(
        'coach_only',
        403,
        'Only the coach does this',
        'Clips and annotations are the coach’s to set.',
      );
    }
    await this.deps.access.assert(viewer, 'write', this.shared(lesson), 'Lesson');
  }

  private audit(viewer: Viewer, lesson: Lesson, action: string, detail: Record<string, unknown>) {
    return this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'lesson',
      subjectId: lesson.id,
      lessonId: lesson.id,
      detail,
    });
  }
}

function withHint(clip: Clip) {
  const length = clip.endMs - clip.startMs;
  const far = Math.abs(length - USUAL_CLIP_MS) > 3 * 60_000;
  const size =
    length < 60_000 ? `${Math.round(length / 1000)} s` : `${Math.round(length / 60_000)} min`;
  return { ...clip, hint: far ? `This clip is ${size}; clips are usually about 5 min.` : null };
}

/** 0 <= start < end <= the lesson's length; a lesson not yet measured takes no times. */
function checkRange(lesson: Lesson, startMs: number, endMs: number | null, at: string): void {
  const problems: ProblemField[] = [];
  if (lesson.durationMs === null) {
    throw new AppError(
      'duration_unknown',
      409,
      'The lesson is not ready',
      'Times can be set once the recording is processed.',
    );
  }
  if (startMs < 0) problems.push({ path: `${at}.startMs`, reason: 'must be 0 or more' });
  if (startMs > lesson.durationMs)
    problems.push({ path: `${at}.startMs`, reason: 'is past the end of the lesson' });
  if (endMs !== null) {
    if (endMs <= startMs) problems.push({ path: `${at}.endMs`, reason: 'must be after the start' });
    if (endMs > lesson.durationMs)
      problems.push({ path: `${at}.endMs`, reason: 'is past the end of the lesson' });
  }
  if (problems.length) throw AppError.validation(problems, 'The times are outside the lesson.');
}

function checkAnnotation(lesson: Lesson, input: AnnotationInput): void {
  checkRange(lesson, input.startMs, input.endMs, '$');
  const unknown = input.codeIds.filter((id) => !findCode(MQI_RUBRIC, id));
  if (unknown.length) {
    throw AppError.validation(
      unknown.map((id) => ({ path: '$.codeIds', reason: `unknown rubric code ${id}` })),
    );
  }
}
