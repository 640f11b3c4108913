import type { Role, Viewer } from '../domain/account';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { ProgramRepository } from '../repositories/program.repository';
import { type Action, denied, forbidden, isAllowed, type Resource } from './policy';

/**
 * The policy's async side: loads the facts the pure rules need (caseload, program
 * settings) and throws the right error on a denial.
 */
export class AccessService {
  constructor(
    private readonly caseloads: CaseloadRepository,
    private readonly programs: ProgramRepository,
  ) {}

  async can(viewer: Viewer, action: Action, resource: Resource): Promise<boolean> {
    if (viewer.programId !== resource.programId) return false;
    const needsRelation = resource.kind !== 'program-admin' && resource.kind !== 'program-library';
    const coachesTeacher =
      needsRelation && 'teacherId' in resource && viewer.role === 'coach'
        ? await this.caseloads.isCurrentCoach(viewer.userId, resource.teacherId)
        : false;
    const adminLessonAccess =
      needsRelation && viewer.role === 'admin'
        ? ((await this.programs.findById(viewer.programId))?.settings.adminLessonAccess ?? false)
        : false;
    return isAllowed(viewer, action, resource, { coachesTeacher, adminLessonAccess });
  }

  /** Throws 404 (never 403) for lesson content, so a denial does not reveal existence. */
  async assert(viewer: Viewer, action: Action, resource: Resource, what?: string): Promise<void> {
    if (await this.can(viewer, action, resource)) return;
    throw resource.kind === 'program-admin' ? forbidden() : denied(what);
  }

  assertRole(viewer: Viewer, ...roles: Role[]): void {
    if (!roles.includes(viewer.role)) throw forbidden();
  }
}
