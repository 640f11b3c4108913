import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import { LESSON_STATES, type Lesson } from '../domain/lesson';
import { AppError } from '../errors';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { LessonRepository } from '../repositories/lesson.repository';
import type { ProgramRepository } from '../repositories/program.repository';
import type { StockClipRepository } from '../repositories/stock-clip.repository';
import type { ObjectStorage } from '../storage/storage';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { Action, Resource } from './policy';
import { denied } from './policy';

export interface LessonInput {
  title: string;
  taughtOn: string;
  grade: string;
  topic: string;
  focusCodeIds: string[];
}

/** Where a lesson's files live in the store: one prefix, so deletion takes them all. */
export const lessonPrefix = (lessonId: string) => `lessons/${lessonId}/`;

/** Lessons: the teacher's own, their coach's to review. */
export class LessonService {
  /** Called after a teacher creates a lesson (the cycle it belongs to takes it). */
  onCreated: (lesson: Lesson) => Promise<void> = async () => {};

  constructor(
    private readonly deps: {
      lessons: LessonRepository;
      caseloads: CaseloadRepository;
      programs: ProgramRepository;
      stockClips: StockClipRepository;
      access: AccessService;
      audit: AuditService;
      storage: ObjectStorage;
    },
  ) {}

  /** The lesson, if the viewer may do `action` to it; otherwise the same 404 as a missing one. */
  async load(viewer: Viewer, lessonId: string, action: Action = 'read'): Promise<Lesson> {
    const lesson = await this.deps.lessons.findById(lessonId);
    if (!lesson) throw denied('Lesson');
    await this.deps.access.assert(
      viewer,
      action,
      await this.resourceOf(lesson, 'lesson'),
      'Lesson',
    );
    return lesson;
  }

  /**
   * What the policy judges for a lesson or its media. A stock clip's video rides on a lesson
   * of the admin who added it: program material, which every member reads and only admins
   * change, not anyone's private lesson.
   */
  async resourceOf(lesson: Lesson, kind: 'lesson' | 'lesson-media'): Promise<Resource> {
    if (await this.isStockLesson(lesson.id))
      return { kind: 'program-library', programId: lesson.programId };
    return { kind, programId: lesson.programId, teacherId: lesson.teacherId };
  }

  /** Whether the lesson carries a stock clip's video. */
  async isStockLesson(lessonId: string): Promise<boolean> {
    return (await this.deps.stockClips.findByLesson(lessonId)) !== undefined;
  }

  async create(viewer: Viewer, input: LessonInput): Promise<Lesson> {
    this.deps.access.assertRole(viewer, ROLES.teacher);
    checkCodes(input.focusCodeIds);
    const lesson = await this.deps.lessons.create(
      { ...input, programId: viewer.programId, teacherId: viewer.userId },
      LESSON_STATES.awaitingUpload,
    );
    await this.audit(viewer, 'lesson.created', lesson.id);
    await this.onCreated(lesson);
    return lesson;
  }

  /** Lessons the viewer may open: their own, their caseload's, or (by setting) the program's. */
  async list(viewer: Viewer, teacherId?: string): Promise<Lesson[]> {
    const { lessons, caseloads, programs } = this.deps;
    if (viewer.role === ROLES.teacher)
      return lessons.listByTeachers(viewer.programId, [viewer.userId]);
    if (viewer.role === ROLES.coach) {
      const mine = await caseloads.teachersOf(viewer.userId);
      const wanted = teacherId ? mine.filter((id) => id === teacherId) : mine;
      return lessons.listByTeachers(viewer.programId, wanted);
    }
    const program = await programs.findById(viewer.programId);
    if (!program?.settings.adminLessonAccess) return [];
    // Stock-clip videos are the library's, not a teacher's lessons.
    const stock = await this.deps.stockClips.lessonIds(viewer.programId);
    const all = (await lessons.listByProgram(viewer.programId)).filter((l) => !stock.has(l.id));
    return teacherId ? all.filter((l) => l.teacherId === teacherId) : all;
  }

  async update(viewer: Viewer, lessonId: string, patch: Partial<LessonInput>): Promise<Lesson> {
    const lesson = await this.load(viewer, lessonId, 'write');
    if (patch.focusCodeIds) checkCodes(patch.focusCodeIds);
    await this.deps.lessons.update(lesson.id, patch);
    await this.audit(viewer, 'lesson.updated', lesson.id, { fields: Object.keys(patch) });
    return (await this.deps.lessons.findById(lesson.id)) as Lesson;
  }

  /** Deletes the lesson and everything under it: files in the store, clips, annotations. */
  async delete(viewer: Viewer, lessonId: string): Promise<void> {
    const lesson = await this.load(viewer, lessonId, 'delete');
    await this.remove(lesson);
    await this.audit(viewer, 'lesson.deleted', lesson.id, { title: lesson.title });
  }

  /** Removes the files first: a row without files is harmless, files without a row are not. */
  async remove(lesson: Lesson): Promise<void> {
    await this.deps.storage.deletePrefix(lessonPrefix(lesson.id));
    await this.deps.lessons.delete(lesson.id);
  }

  /** The programs' retention rule: lessons taught longer ago than their setting are deleted. */
  async applyRetention(now = new Date()): Promise<number> {
    let deleted = 0;
    for (const program of await this.deps.programs.list()) {
      const days = program.settings.retentionDays;
      if (!days) continue;
      const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
      // Retention is about teachers' recordings; the library's clips stay until removed.
      const stock = await this.deps.stockClips.lessonIds(program.id);
      for (const lesson of await this.deps.lessons.listTaughtBefore(program.id, cutoff)) {
        if (stock.has(lesson.id)) continue;
        await this.remove(lesson);
        await this.deps.audit.record({
          programId: program.id,
          actorId: null,
          action: 'lesson.deleted-by-retention',
          subjectType: 'lesson',
          subjectId: lesson.id,
          lessonId: lesson.id,
          detail: { taughtOn: lesson.taughtOn, retentionDays: days },
        });
        deleted++;
      }
    }
    return deleted;
  }

  private audit(
    viewer: Viewer,
    action: string,
    lessonId: string,
    detail?: Record<string, unknown>,
  ) {
    return this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'lesson',
      subjectId: lessonId,
      lessonId,
      ...(detail ? { detail } : {}),
    });
  }
}

function checkCodes(ids: string[]): void {
  const unknown = ids.filter((id) => !findCode(MQI_RUBRIC, id));
  if (unknown.length) {
    throw AppError.validation(
      unknown.map((id) => ({ path: '$.focusCodeIds', reason: `unknown rubric code ${id}` })),
    );
  }
}
