import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { ROLES, type User, type Viewer } from '../domain/account';
import type { Goal, TeacherYear } from '../domain/goal';
import { AppError } from '../errors';
import type { GoalRepository } from '../repositories/goal.repository';
import type { LogRepository } from '../repositories/log.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { CycleService } from './cycle.service';
import { type Action, denied } from './policy';

export interface GoalInput {
  codeId: string;
  text: string;
}

/**
 * The teacher's goal-setting sheet and their year. Goals are the teacher's, shared with
 * their coach (both may change them); a change archives the old goal and adds the new one.
 */
export class GoalService {
  constructor(
    private readonly deps: {
      goals: GoalRepository;
      logs: LogRepository;
      users: UserRepository;
      cycles: CycleService;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  /** The teacher, if the viewer may do `action` to their goals; otherwise a 404. */
  private async loadTeacher(viewer: Viewer, teacherId: string, action: Action): Promise<User> {
    const teacher = await this.deps.users.findById(teacherId);
    if (!teacher || teacher.programId !== viewer.programId || teacher.role !== ROLES.teacher)
      throw denied('Teacher');
    await this.deps.access.assert(
      viewer,
      action,
      { kind: 'shared-item', programId: teacher.programId, teacherId: teacher.id },
      'Teacher',
    );
    return teacher;
  }

  private async loadGoal(viewer: Viewer, goalId: string) {
    const goal = await this.deps.goals.findById(goalId);
    if (!goal || goal.programId !== viewer.programId) throw denied('Goal');
    await this.deps.access.assert(
      viewer,
      'write',
      { kind: 'shared-item', programId: goal.programId, teacherId: goal.teacherId },
      'Goal',
    );
    if (goal.archivedAt) throw archived();
    return goal;
  }

  /** Every goal of the teacher, archived ones too (the sheet's history). */
  async list(viewer: Viewer, teacherId: string): Promise<Goal[]> {
    const teacher = await this.loadTeacher(viewer, teacherId, 'read');
    return this.deps.goals.listForTeacher(teacher.programId, teacher.id);
  }

  async create(viewer: Viewer, teacherId: string, input: GoalInput): Promise<Goal> {
    const teacher = await this.loadTeacher(viewer, teacherId, 'write');
    checkCode(input.codeId);
    const goal = await this.deps.goals.create({
      programId: teacher.programId,
      teacherId: teacher.id,
      codeId: input.codeId,
      text: input.text,
      createdBy: viewer.userId,
    });
    await this.audit(viewer, teacher.id, 'goal.created', goal.id);
    return strip(goal);
  }

  /** A changed goal: the old one is archived (kept for the year) and the new one returned. */
  async replace(viewer: Viewer, goalId: string, input: Partial<GoalInput>): Promise<Goal> {
    const goal = await this.loadGoal(viewer, goalId);
    const next = { codeId: input.codeId ?? goal.codeId, text: input.text ?? goal.text };
    checkCode(next.codeId);
    if (next.codeId === goal.codeId && next.text === goal.text) return strip(goal);
    const created = await this.deps.goals.replace(goal.id, { ...next, createdBy: viewer.userId });
    if (!created) throw archived();
    await this.audit(viewer, goal.teacherId, 'goal.replaced', created.id, { replaces: goal.id });
    return strip(created);
  }

  async archive(viewer: Viewer, goalId: string): Promise<void> {
    const goal = await this.loadGoal(viewer, goalId);
    if (!(await this.deps.goals.archive(goal.id))) throw archived();
    await this.audit(viewer, goal.teacherId, 'goal.archived', goal.id);
  }

  /** The teacher's year cycle by cycle: stage, focus codes, goals, the next step agreed. */
  async year(viewer: Viewer, teacherId: string): Promise<TeacherYear> {
    const teacher = await this.loadTeacher(viewer, teacherId, 'read');
    const cycles = (await this.deps.cycles.list(viewer, teacher.id))
      .filter((c) => c.teacherId === teacher.id)
      .sort((a, b) => a.number - b.number);
    const [logs, goals] = await Promise.all([
      this.deps.logs.findMany(cycles.map((c) => c.id)),
      this.deps.goals.listForTeacher(teacher.programId, teacher.id),
    ]);
    return {
      teacherId: teacher.id,
      teacherName: teacher.name,
      goals,
      cycles: cycles.map((c) => {
        const log = logs.get(c.id)?.fields;
        return {
          id: c.id,
          number: c.number,
          stage: c.stage,
          lesson: c.lesson && {
            id: c.lesson.id,
            title: c.lesson.title,
            taughtOn: c.lesson.taughtOn,
          },
          meetingAt: c.meetingAt,
          conversationDate: log?.conversationDate ?? null,
          focusCodeIds: log?.focusCodeIds.length ? log.focusCodeIds : c.focusCodeIds,
          goalIds: [...new Set([...c.goalIds, ...(log?.goalIds ?? [])])],
          teacherNextStep: log?.teacherNextStep ?? '',
          logCompletedAt: c.logCompletedAt,
        };
      }),
    };
  }

  private audit(
    viewer: Viewer,
    teacherId: string,
    action: string,
    goalId: string,
    detail: Record<string, unknown> = {},
  ) {
    return this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'goal',
      subjectId: goalId,
      detail: { teacherId, ...detail },
    });
  }
}

/** The API's goal, without the program id the repository carries for the policy. */
function strip(goal: Goal & { programId?: string }): Goal {
  const { programId: _programId, ...rest } = goal;
  return rest;
}

function checkCode(codeId: string): void {
  if (!findCode(MQI_RUBRIC, codeId))
    throw AppError.validation([{ path: '$.codeId', reason: `unknown rubric code ${codeId}` }]);
}

function archived(): AppError {
  return new AppError(
    'goal_archived',
    409,
    'This goal was already changed or removed',
    'Reload the goals to see the current ones.',
  );
}
