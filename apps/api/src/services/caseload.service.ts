import { ROLES, type Viewer } from '../domain/account';
import { AppError } from '../errors';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import { AUDIT_ACTIONS, type AuditService } from './audit.service';
import { denied } from './policy';

export interface CaseloadEntry {
  id: string;
  coachId: string;
  coachName: string;
  teacherId: string;
  teacherName: string;
  startsAt: string;
  endsAt: string | null;
}

/** Which coach has which teachers, now and before. */
export class CaseloadService {
  /** Called when a teacher gets a new coach (their open cycles move with them). */
  onCoachChanged: (teacherId: string, coachId: string) => Promise<void> = async () => {};

  constructor(
    private readonly caseloads: CaseloadRepository,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Admins see the program's assignments with history; a coach sees their own teachers. */
  async list(viewer: Viewer): Promise<CaseloadEntry[]> {
    this.access.assertRole(viewer, ROLES.admin, ROLES.coach);
    const names = new Map(
      (await this.users.listByProgram(viewer.programId)).map((u) => [u.id, u.name]),
    );
    const all = await this.caseloads.listByProgram(viewer.programId);
    const visible =
      viewer.role === ROLES.admin
        ? all
        : all.filter((a) => a.coachId === viewer.userId && a.endsAt === null);
    return visible.map((a) => ({
      ...a,
      coachName: names.get(a.coachId) ?? '',
      teacherName: names.get(a.teacherId) ?? '',
    }));
  }

  /** Gives a teacher a coach (or none), ending the previous assignment. */
  async assign(viewer: Viewer, teacherId: string, coachId: string | null) {
    await this.access.assert(viewer, 'manage', {
      kind: 'program-admin',
      programId: viewer.programId,
    });
    const teacher = await this.users.findById(teacherId);
    if (!teacher || teacher.programId !== viewer.programId) throw denied('Teacher');
    if (teacher.role !== ROLES.teacher || teacher.status === 'deactivated') {
      throw new AppError(
        'not_a_teacher',
        422,
        'Not an active teacher',
        `${teacher.name} is not an active teacher.`,
      );
    }
    if (coachId) {
      const coach = await this.users.findById(coachId);
      if (!coach || coach.programId !== viewer.programId) throw denied('Coach');
      if (coach.role !== ROLES.coach || coach.status === 'deactivated') {
        throw new AppError(
          'not_a_coach',
          422,
          'Not an active coach',
          `${coach.name} is not an active coach.`,
        );
      }
    }
    const current = await this.caseloads.currentFor(teacherId);
    if ((current?.coachId ?? null) === coachId) return current ?? null;
    const assignment = await this.caseloads.assign({
      programId: viewer.programId,
      coachId,
      teacherId,
      assignedBy: viewer.userId,
    });
    if (coachId) await this.onCoachChanged(teacherId, coachId);
    await this.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action: AUDIT_ACTIONS.caseloadAssigned,
      subjectType: 'user',
      subjectId: teacherId,
      detail: { from: current?.coachId ?? null, to: coachId },
    });
    return assignment;
  }
}
