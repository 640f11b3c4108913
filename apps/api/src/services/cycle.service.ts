import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import { type Cycle, type CycleView, deriveStage, STAGES, WATCHED_SHARE } from '../domain/cycle';
import { LESSON_STATES, type Lesson } from '../domain/lesson';
import { AppError, type ProblemField } from '../errors';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { CycleFacts, CyclePatch, CycleRepository } from '../repositories/cycle.repository';
import type { LessonRepository } from '../repositories/lesson.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import { type Action, denied } from './policy';

/** Lesson states in which the recording has arrived (processed or not). */
const HAS_VIDEO = new Set<string>([
  LESSON_STATES.processing,
  LESSON_STATES.ready,
  LESSON_STATES.notProcessed,
]);

export interface OpenCycleInput {
  teacherId: string;
  focusCodeIds?: string[] | undefined;
  goalIds?: string[] | undefined;
  videoDueOn?: string | null | undefined;
  meetingAt?: string | null | undefined;
}

export interface CycleUpdate {
  focusCodeIds?: string[] | undefined;
  goalIds?: string[] | undefined;
  lessonId?: string | null | undefined;
  stockClipId?: string | null | undefined;
  stockCodeIds?: string[] | undefined;
  videoDueOn?: string | null | undefined;
  meetingAt?: string | null | undefined;
  /** The coach marks the conversation held (or, by mistake, not held). */
  held?: boolean | undefined;
}

/** Today's date in UTC (ISO), for due dates. */
const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The coaching cycle record: opening the next one from the last log, linking the
 * lesson, the dates, and the stage that follows from what people did.
 */
export class CycleService {
  constructor(
    private readonly deps: {
      cycles: CycleRepository;
      caseloads: CaseloadRepository;
      lessons: LessonRepository;
      users: UserRepository;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  /** The cycle, if the viewer may do `action` to its record; otherwise a 404. */
  async load(viewer: Viewer, cycleId: string, action: Action = 'read'): Promise<Cycle> {
    const cycle = await this.deps.cycles.findById(cycleId);
    if (!cycle) throw denied('Cycle');
    await this.deps.access.assert(
      viewer,
      action,
      { kind: 'cycle', programId: cycle.programId, teacherId: cycle.teacherId },
      'Cycle',
    );
    return cycle;
  }

  async get(viewer: Viewer, cycleId: string): Promise<CycleView> {
    const [view] = await this.views([await this.load(viewer, cycleId)]);
    return view as CycleView;
  }

  /** Cycles the viewer may see: a teacher's own, a coach's caseload's, an admin's program. */
  async list(viewer: Viewer, teacherId?: string): Promise<CycleView[]> {
    const { cycles, caseloads } = this.deps;
    let list: Cycle[];
    if (viewer.role === ROLES.teacher) {
      list = await cycles.listForTeachers(viewer.programId, [viewer.userId]);
    } else if (viewer.role === ROLES.coach) {
      const mine = await caseloads.teachersOf(viewer.userId);
      list = await cycles.listForTeachers(
        viewer.programId,
        teacherId ? mine.filter((id) => id === teacherId) : mine,
      );
    } else {
      list = await cycles.listForProgram(viewer.programId);
      if (teacherId) list = list.filter((c) => c.teacherId === teacherId);
    }
    return this.views(list);
  }

  /**
   * Opens the teacher's next cycle (the coach does). Unless given, its focus codes and
   * video due date carry over from the last cycle's log, and its meeting from the log's
   * "next meeting".
   */
  async open(viewer: Viewer, input: OpenCycleInput): Promise<CycleView> {
    this.deps.access.assertRole(viewer, ROLES.coach);
    const teacher = await this.deps.users.findById(input.teacherId);
    if (!teacher || teacher.programId !== viewer.programId) throw denied('Teacher');
    await this.deps.access.assert(
      viewer,
      'write',
      { kind: 'cycle', programId: viewer.programId, teacherId: teacher.id },
      'Teacher',
    );
    const last = await this.deps.cycles.latestFor(teacher.id);
    const log = last ? await this.deps.cycles.logFields(last.id) : null;
    const focusCodeIds =
      input.focusCodeIds ??
      (log?.focusCodeIds.length ? log.focusCodeIds : null) ??
      last?.focusCodeIds ??
      [];
    checkCodes(focusCodeIds, '$.focusCodeIds');
    const cycle = await this.deps.cycles.create({
      programId: viewer.programId,
      teacherId: teacher.id,
      coachId: viewer.userId,
      focusCodeIds,
      goalIds: input.goalIds ?? last?.goalIds ?? [],
      lessonId: null,
      stockClipId: null,
      stockCodeIds: [],
      videoDueOn: input.videoDueOn !== undefined ? input.videoDueOn : (log?.nextVideoDueOn ?? null),
      meetingAt: input.meetingAt !== undefined ? input.meetingAt : (log?.nextMeetingAt ?? null),
    });
    await this.audit(viewer, cycle, 'cycle.opened', { number: cycle.number });
    return this.get(viewer, cycle.id);
  }

  async update(viewer: Viewer, cycleId: string, input: CycleUpdate): Promise<CycleView> {
    const cycle = await this.load(viewer, cycleId, 'write');
    const problems: ProblemField[] = [];
    if (input.focusCodeIds) problems.push(...unknownCodes(input.focusCodeIds, '$.focusCodeIds'));
    if (input.stockCodeIds) problems.push(...unknownCodes(input.stockCodeIds, '$.stockCodeIds'));
    if (input.lessonId) {
      const lesson = await this.deps.lessons.findById(input.lessonId);
      if (!lesson || lesson.teacherId !== cycle.teacherId)
        problems.push({ path: '$.lessonId', reason: "not one of this teacher's lessons" });
    }
    if (
      input.stockClipId &&
      !(await this.deps.cycles.hasStockClip(cycle.programId, input.stockClipId))
    )
      problems.push({ path: '$.stockClipId', reason: "not in the program's stock-clip library" });
    if (input.goalIds) {
      const own = await this.deps.cycles.goalsOf(cycle.teacherId, input.goalIds);
      for (const id of input.goalIds.filter((g) => !own.has(g)))
        problems.push({ path: '$.goalIds', reason: `${id} is not one of this teacher's goals` });
    }
    if (problems.length) throw AppError.validation(problems);
    const changesStock =
      (input.stockClipId !== undefined && input.stockClipId !== cycle.stockClipId) ||
      (input.stockCodeIds !== undefined && input.stockCodeIds.join() !== cycle.stockCodeIds.join());
    if (changesStock && (await this.deps.cycles.facts([cycle])).get(cycle.id)?.stockSubmitted) {
      throw new AppError(
        'scores_submitted',
        409,
        'The teacher has already scored this stock clip',
        'Their scores are compared with the master scores of this clip and these codes, so they stay.',
      );
    }
    const patch: CyclePatch = {};
    if (input.focusCodeIds) patch.focusCodeIds = input.focusCodeIds;
    if (input.goalIds) patch.goalIds = input.goalIds;
    if (input.stockCodeIds) patch.stockCodeIds = input.stockCodeIds;
    if (input.lessonId !== undefined) patch.lessonId = input.lessonId;
    if (input.stockClipId !== undefined) patch.stockClipId = input.stockClipId;
    if (input.videoDueOn !== undefined) patch.videoDueOn = input.videoDueOn;
    if (input.meetingAt !== undefined) patch.meetingAt = input.meetingAt;
    if (input.held !== undefined)
      patch.heldAt = input.held ? (cycle.heldAt ?? new Date().toISOString()) : null;
    const updated = await this.deps.cycles.update(cycle.id, patch);
    await this.audit(viewer, updated, 'cycle.updated', { fields: Object.keys(patch) });
    return this.get(viewer, updated.id);
  }

  /** Removes a cycle opened by mistake: only while nothing has happened in it. */
  async delete(viewer: Viewer, cycleId: string): Promise<void> {
    const cycle = await this.load(viewer, cycleId, 'write');
    const [view] = await this.views([cycle]);
    if (view?.stage !== STAGES.awaitingVideo || view.lesson) {
      throw new AppError(
        'cycle_in_progress',
        409,
        'This cycle has already started',
        'Only a cycle still waiting for its video can be removed.',
      );
    }
    await this.deps.cycles.delete(cycle.id);
    await this.audit(viewer, cycle, 'cycle.deleted', { number: cycle.number });
  }

  /**
   * A teacher's new lesson becomes the video of their latest cycle, when that cycle has
   * none yet: uploading is what moves "awaiting video" on.
   */
  async attachLesson(lesson: Lesson): Promise<void> {
    const latest = await this.deps.cycles.latestFor(lesson.teacherId);
    if (!latest || latest.lessonId || latest.heldAt) return;
    await this.deps.cycles.update(latest.id, { lessonId: lesson.id });
  }

  /** The API's view of cycles: the record, names, lesson, readiness and derived stage. */
  async views(cycles: readonly Cycle[], now = new Date()): Promise<CycleView[]> {
    const facts = await this.deps.cycles.facts(cycles);
    const names = await this.deps.cycles.namesOf([
      ...new Set(cycles.flatMap((c) => [c.teacherId, c.coachId])),
    ]);
    return cycles.map((c) => toView(c, facts.get(c.id) as CycleFacts, names, now));
  }

  private audit(viewer: Viewer, cycle: Cycle, action: string, detail: Record<string, unknown>) {
    return this.deps.audit.record({
      programId: cycle.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'cycle',
      subjectId: cycle.id,
      ...(cycle.lessonId ? { lessonId: cycle.lessonId } : {}),
      detail,
    });
  }
}

function toView(cycle: Cycle, facts: CycleFacts, names: Map<string, string>, now: Date): CycleView {
  const watched = (share: number | null) => share !== null && share >= WATCHED_SHARE;
  const readiness = {
    clip1Watched: watched(facts.clipWatched[0]),
    clip2Watched: watched(facts.clipWatched[1]),
    stockScored: facts.stockSubmitted,
  };
  const hasVideo = facts.lesson !== null && HAS_VIDEO.has(facts.lesson.state);
  return {
    ...cycle,
    teacherName: names.get(cycle.teacherId) ?? '',
    coachName: names.get(cycle.coachId) ?? '',
    lesson: facts.lesson,
    assignedAt: facts.assignedAt,
    readiness,
    logCompletedAt: facts.logCompletedAt,
    isVideoOverdue: !hasVideo && cycle.videoDueOn !== null && cycle.videoDueOn < today(now),
    stage: deriveStage({
      hasVideo,
      assignedAt: facts.assignedAt,
      readiness,
      heldAt: cycle.heldAt,
      logCompletedAt: facts.logCompletedAt,
    }),
  };
}

function unknownCodes(ids: readonly string[], path: string): ProblemField[] {
  return ids
    .filter((id) => !findCode(MQI_RUBRIC, id))
    .map((id) => ({ path, reason: `unknown rubric code ${id}` }));
}

function checkCodes(ids: readonly string[], path: string): void {
  const problems = unknownCodes(ids, path);
  if (problems.length) throw AppError.validation(problems);
}
