import { createHash, randomBytes } from 'node:crypto';
import type { Auth } from '../auth/auth';
import { ROLES, type Role, type User, type Viewer } from '../domain/account';
import { AppError } from '../errors';
import type { Mailer } from '../mail/mailer';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { InvitationRepository } from '../repositories/invitation.repository';
import type { ProgramRepository } from '../repositories/program.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import { AUDIT_ACTIONS, type AuditService } from './audit.service';
import { denied } from './policy';

const INVITATION_DAYS = 7;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Users of a program: invitations, roles, deactivation, profiles. */
export class AccountService {
  constructor(
    private readonly deps: {
      auth: Auth;
      users: UserRepository;
      programs: ProgramRepository;
      invitations: InvitationRepository;
      caseloads: CaseloadRepository;
      access: AccessService;
      audit: AuditService;
      mailer: Mailer;
    },
  ) {}

  private adminOnly(viewer: Viewer) {
    return this.deps.access.assert(viewer, 'manage', {
      kind: 'program-admin',
      programId: viewer.programId,
    });
  }

  /** A user of the viewer's own program, or the same 404 as a user that does not exist. */
  private async userInProgram(viewer: Viewer, userId: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (!user || user.programId !== viewer.programId) throw denied('User');
    return user;
  }

  async list(viewer: Viewer): Promise<User[]> {
    await this.adminOnly(viewer);
    return this.deps.users.listByProgram(viewer.programId);
  }

  /**
   * Creates the account (no password yet) and mails a single-use link that expires in a
   * week. Re-inviting someone who never accepted sends a fresh link and voids the old one.
   */
  async invite(
    viewer: Viewer,
    input: { email: string; name: string; role: Role },
    origin: string,
  ): Promise<{ user: User; outboxId: string }> {
    await this.adminOnly(viewer);
    const email = input.email.toLowerCase();
    const existing = await this.deps.users.findByEmail(email);
    if (existing && (existing.programId !== viewer.programId || existing.status !== 'invited')) {
      throw new AppError(
        'email_taken',
        409,
        'Email already in use',
        `${email} already has an account.`,
      );
    }
    let userId = existing?.id;
    if (!userId) {
      const ctx = await this.deps.auth.$context;
      const created = await ctx.internalAdapter.createUser(
        {
          email,
          name: input.name,
          emailVerified: false,
          programId: viewer.programId,
          role: input.role,
          timeZone: viewer.timeZone,
        },
        { method: 'admin' },
      );
      userId = created.id;
    } else {
      await this.deps.users.update(userId, { name: input.name, role: input.role });
    }
    const outboxId = await this.sendInvitation(viewer, userId, origin);
    await this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action: AUDIT_ACTIONS.userInvited,
      subjectType: 'user',
      subjectId: userId,
      detail: { email, role: input.role },
    });
    const user = await this.deps.users.findById(userId);
    if (!user) throw new Error('invited user vanished');
    return { user, outboxId };
  }

  async resendInvitation(viewer: Viewer, userId: string, origin: string) {
    await this.adminOnly(viewer);
    const user = await this.userInProgram(viewer, userId);
    if (user.status !== 'invited') {
      throw new AppError(
        'already_joined',
        409,
        'Already joined',
        `${user.name} has already set a password.`,
      );
    }
    return { outboxId: await this.sendInvitation(viewer, userId, origin) };
  }

  private async sendInvitation(viewer: Viewer, userId: string, origin: string): Promise<string> {
    const user = await this.deps.users.findById(userId);
    const program = await this.deps.programs.findById(viewer.programId);
    if (!user || !program) throw new Error('invitation for a missing user or program');
    const token = randomBytes(32).toString('base64url');
    await this.deps.invitations.revokeOpenFor(userId);
    await this.deps.invitations.create({
      programId: viewer.programId,
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString(),
      createdBy: viewer.userId,
    });
    const link = `${origin}/invitation/${token}`;
    const { id } = await this.deps.mailer.send({
      programId: viewer.programId,
      to: user.email,
      kind: 'invitation',
      subject: `You are invited to ${program.name} on Elevate`,
      text: [
        `Hello ${user.name},`,
        '',
        `${viewer.name} invited you to join ${program.name} on Elevate as a ${user.role}.`,
        `Choose your password here (the link works once, for ${INVITATION_DAYS} days): ${link}`,
      ].join('\n'),
    });
    return id;
  }

  /** What the invitation page shows before the invitee sets a password. */
  async describeInvitation(token: string) {
    const { user, invitation } = await this.openInvitation(token);
    const program = await this.deps.programs.findById(user.programId);
    return {
      email: user.email,
      name: user.name,
      role: user.role,
      programName: program?.name ?? '',
      expiresAt: invitation.expiresAt,
    };
  }

  async acceptInvitation(
    token: string,
    input: { name: string; password: string; timeZone?: string | undefined },
  ) {
    const { user, invitation } = await this.openInvitation(token);
    // Claim the link first: of two concurrent accepts, only one sets a password.
    if (!(await this.deps.invitations.markUsed(invitation.id))) throw invitationError('used');
    const ctx = await this.deps.auth.$context;
    const hash = await ctx.password.hash(input.password);
    if (await ctx.internalAdapter.findCredentialAccount(user.id)) {
      await ctx.internalAdapter.updatePassword(user.id, hash);
    } else {
      await ctx.internalAdapter.createAccount({
        userId: user.id,
        providerId: 'credential',
        accountId: user.id,
        password: hash,
      });
    }
    await this.deps.users.update(user.id, {
      name: input.name,
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    });
    await this.deps.audit.record({
      programId: user.programId,
      actorId: user.id,
      action: AUDIT_ACTIONS.invitationAccepted,
      subjectType: 'user',
      subjectId: user.id,
    });
    return { email: user.email };
  }

  private async openInvitation(token: string) {
    const invitation = await this.deps.invitations.findByTokenHash(hashToken(token));
    if (!invitation) throw invitationError('unknown');
    if (invitation.usedAt) throw invitationError('used');
    if (Date.parse(invitation.expiresAt) <= Date.now()) throw invitationError('expired');
    const user = await this.deps.users.findById(invitation.userId);
    if (!user || user.status === 'deactivated') throw invitationError('unknown');
    return { user, invitation };
  }

  async changeRole(viewer: Viewer, userId: string, role: Role): Promise<User> {
    await this.adminOnly(viewer);
    const user = await this.userInProgram(viewer, userId);
    if (user.role === role) return user;
    if (user.id === viewer.userId) {
      throw new AppError(
        'own_role',
        409,
        'Cannot change your own role',
        'Ask another admin to do it.',
      );
    }
    // A caseload ties a coach to teachers; a role change makes it meaningless.
    if (user.role !== ROLES.admin) await this.deps.caseloads.endAllFor(user.id);
    await this.deps.users.update(user.id, { role });
    await this.auditChange(viewer, AUDIT_ACTIONS.roleChanged, user.id, {
      from: user.role,
      to: role,
    });
    return (await this.deps.users.findById(user.id)) as User;
  }

  /** Deactivation ends every session at once and the user's open caseload assignments. */
  async deactivate(viewer: Viewer, userId: string): Promise<User> {
    await this.adminOnly(viewer);
    const user = await this.userInProgram(viewer, userId);
    if (user.id === viewer.userId) {
      throw new AppError(
        'own_account',
        409,
        'Cannot deactivate yourself',
        'Ask another admin to do it.',
      );
    }
    if (user.status !== 'deactivated') {
      await this.deps.users.update(user.id, { deactivatedAt: new Date().toISOString() });
      const ended = await this.deps.users.deleteSessions(user.id);
      await this.deps.caseloads.endAllFor(user.id);
      await this.auditChange(viewer, AUDIT_ACTIONS.userDeactivated, user.id, {
        sessionsEnded: ended,
      });
    }
    return (await this.deps.users.findById(user.id)) as User;
  }

  async reactivate(viewer: Viewer, userId: string): Promise<User> {
    await this.adminOnly(viewer);
    const user = await this.userInProgram(viewer, userId);
    if (user.status === 'deactivated') {
      await this.deps.users.update(user.id, { deactivatedAt: null });
      await this.auditChange(viewer, AUDIT_ACTIONS.userReactivated, user.id);
    }
    return (await this.deps.users.findById(user.id)) as User;
  }

  async updateProfile(
    viewer: Viewer,
    patch: { name?: string | undefined; timeZone?: string | undefined },
  ) {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(clean).length) {
      await this.deps.users.update(viewer.userId, clean);
      await this.auditChange(viewer, AUDIT_ACTIONS.profileUpdated, viewer.userId, {
        fields: Object.keys(clean),
      });
    }
    return this.me(viewer.userId);
  }

  async me(userId: string) {
    const user = await this.deps.users.findById(userId);
    if (!user) throw denied('User');
    const program = await this.deps.programs.findById(user.programId);
    // A teacher sees who their coach is; nothing else about other users.
    const assignment =
      user.role === ROLES.teacher ? await this.deps.caseloads.currentFor(user.id) : undefined;
    const coachUser = assignment ? await this.deps.users.findById(assignment.coachId) : undefined;
    return {
      user,
      program: { id: user.programId, name: program?.name ?? '' },
      coach: coachUser ? { id: coachUser.id, name: coachUser.name, email: coachUser.email } : null,
    };
  }

  private auditChange(
    viewer: Viewer,
    action: string,
    userId: string,
    detail?: Record<string, unknown>,
  ) {
    return this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'user',
      subjectId: userId,
      ...(detail ? { detail } : {}),
    });
  }
}

function invitationError(reason: 'unknown' | 'used' | 'expired'): AppError {
  if (reason === 'unknown') {
    return new AppError(
      'invitation_invalid',
      404,
      'Invitation not found',
      'This invitation link is not valid.',
    );
  }
  return new AppError(
    `invitation_${reason}`,
    410,
    reason === 'used' ? 'Invitation already used' : 'Invitation expired',
    reason === 'used'
      ? 'This link has already been used. Sign in, or ask your admin for a new invitation.'
      : 'This link has expired. Ask your program admin to send a new invitation.',
  );
}
