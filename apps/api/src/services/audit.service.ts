import type { Viewer } from '../domain/account';
import type { AuditEvent, AuditRepository, NewAuditEvent } from '../repositories/audit.repository';
import type { AccessService } from './access.service';

export const AUDIT_ACTIONS = {
  signIn: 'auth.sign-in',
  signInFailed: 'auth.sign-in-failed',
  signOut: 'auth.sign-out',
  passwordResetRequested: 'auth.password-reset-requested',
  passwordReset: 'auth.password-reset',
  passwordChanged: 'auth.password-changed',
  userInvited: 'user.invited',
  invitationAccepted: 'user.invitation-accepted',
  roleChanged: 'user.role-changed',
  userDeactivated: 'user.deactivated',
  userReactivated: 'user.reactivated',
  profileUpdated: 'user.profile-updated',
  caseloadAssigned: 'caseload.assigned',
  mediaOpened: 'lesson.media-opened',
} as const;

/** Who signed in, who opened which lesson's media, who changed or deleted what. */
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly access: AccessService,
  ) {}

  record(event: NewAuditEvent): Promise<void> {
    return this.events.add(event);
  }

  async list(
    viewer: Viewer,
    filter: {
      userId?: string | undefined;
      lessonId?: string | undefined;
      before?: string | undefined;
      limit: number;
    },
  ): Promise<AuditEvent[]> {
    await this.access.assert(viewer, 'read', {
      kind: 'program-admin',
      programId: viewer.programId,
    });
    return this.events.list({
      programId: viewer.programId,
      actorId: filter.userId,
      lessonId: filter.lessonId,
      before: filter.before,
      limit: filter.limit,
    });
  }
}
