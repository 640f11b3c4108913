import { ROLES, type Viewer } from '../domain/account';
import { AppError } from '../errors';

/**
 * The one authorization policy. Every service asks it before reading or changing
 * anything; it is pure so that it can be tested as a matrix of role x resource x owner.
 */

export const ACTIONS = {
  read: 'read',
  write: 'write',
  delete: 'delete',
  manage: 'manage',
} as const;
export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

export type Resource =
  /** Users, caseloads, rubrics, stock clips, outbox, audit trail, settings of a program. */
  | { kind: 'program-admin'; programId: string }
  /** Read-only program material every member uses: rubrics, the stock-clip library. */
  | { kind: 'program-library'; programId: string }
  /** A lesson record (title, dates, state) of a teacher. */
  | { kind: 'lesson'; programId: string; teacherId: string }
  /** A coaching cycle's record (stage, dates, what it links): the program's admins see it too. */
  | { kind: 'cycle'; programId: string; teacherId: string }
  /** A lesson's video and derived files. */
  | { kind: 'lesson-media'; programId: string; teacherId: string }
  /** Clips, public annotations and replies, assignments, scores and logs of a teacher's cycles. */
  | { kind: 'shared-item'; programId: string; teacherId: string; authorId?: string }
  /** A coach's private annotations and planning notes. */
  | { kind: 'private-item'; programId: string; teacherId: string; authorId: string };

/** Facts about the viewer's relation to the resource that the pure rules need. */
export interface Relation {
  /** The viewer is the teacher's current coach. */
  coachesTeacher: boolean;
  /** The program lets its admins open lesson content. */
  adminLessonAccess: boolean;
}

export function isAllowed(viewer: Viewer, action: Action, resource: Resource, rel: Relation) {
  if (viewer.programId !== resource.programId) return false; // nothing crosses programs
  const { role, userId } = viewer;
  switch (resource.kind) {
    case 'program-admin':
      return role === ROLES.admin;
    case 'program-library':
      return action === ACTIONS.read || role === ROLES.admin;
    case 'lesson':
    case 'lesson-media':
      if (role === ROLES.teacher) return resource.teacherId === userId && action !== ACTIONS.manage;
      if (role === ROLES.coach) return rel.coachesTeacher && action === ACTIONS.read;
      return rel.adminLessonAccess && action === ACTIONS.read;
    case 'cycle':
      // Read: the teacher, their coach, the program's admins (for the program overview).
      // Change: the teacher's current coach, who runs the cycle.
      if (action === ACTIONS.read) {
        if (role === ROLES.teacher) return resource.teacherId === userId;
        return role === ROLES.admin || rel.coachesTeacher;
      }
      return role === ROLES.coach && rel.coachesTeacher;
    case 'shared-item': {
      const isAuthor = resource.authorId === undefined || resource.authorId === userId;
      const mayChange = action === ACTIONS.read || isAuthor;
      if (role === ROLES.teacher) return resource.teacherId === userId && mayChange;
      if (role === ROLES.coach) return rel.coachesTeacher && mayChange;
      return rel.adminLessonAccess && action === ACTIONS.read;
    }
    case 'private-item':
      return role === ROLES.coach && resource.authorId === userId && rel.coachesTeacher;
  }
}

/** What a denial looks like: the same 404 as a missing thing, so existence never leaks. */
export function denied(what = 'Resource'): AppError {
  return new AppError('not_found', 404, `${what} not found`);
}

export function forbidden(): AppError {
  return new AppError(
    'forbidden',
    403,
    'Not available to you',
    'Your role does not give access to this part of Elevate.',
  );
}
