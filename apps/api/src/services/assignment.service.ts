import type { Viewer } from '../domain/account';
import type { Cycle } from '../domain/cycle';
import { AppError } from '../errors';
import type { Mailer } from '../mail/mailer';
import type { AssignmentRepository } from '../repositories/assignment.repository';
import type { CoachingRepository } from '../repositories/coaching.repository';
import type { AccessService } from './access.service';
import {
  ASSIGNMENT_NEEDS,
  type AssignmentFacts,
  type AssignmentNeed,
  assignmentLinks,
  missingForAssignment,
  renderAssignment,
} from './assignment-template';
import type { AuditService } from './audit.service';
import type { CycleService } from './cycle.service';
import { denied } from './policy';

/** The assignment as the API shows it: the coach's draft, or the message that was sent. */
export interface AssignmentView {
  cycleId: string;
  status: 'draft' | 'sent';
  to: string;
  subject: string;
  body: string;
  sentAt: string | null;
  /** What the cycle still needs before the draft can be sent (empty once sent). */
  missing: { need: AssignmentNeed; label: string }[];
  links: { clip1: string | null; clip2: string | null; scoring: string; cycle: string };
}

export const ASSIGNMENT_ERRORS = {
  incomplete: 'assignment_incomplete',
  alreadySent: 'assignment_already_sent',
  notDelivered: 'mail_not_delivered',
} as const;

/**
 * The watching assignment: rendered from the program's email template, edited by the
 * cycle's coach, sent once by mail (SMTP or the outbox), and recorded on the cycle, which
 * moves it to "assigned".
 */
export class AssignmentService {
  constructor(
    private readonly deps: {
      cycles: CycleService;
      assignments: AssignmentRepository;
      coaching: CoachingRepository;
      access: AccessService;
      audit: AuditService;
      mailer: Mailer;
    },
  ) {}

  /**
   * The sent assignment for the teacher, their coach (and admins who may open lesson
   * content); before it is sent, the draft, for the cycle's coach only: a teacher asking
   * early gets a 404, as for anything that does not exist yet.
   */
  async get(viewer: Viewer, cycleId: string, origin: string): Promise<AssignmentView> {
    const cycle = await this.deps.cycles.load(viewer, cycleId, 'read');
    const sent = await this.deps.assignments.find(cycle.id);
    if (sent) {
      await this.assertShared(viewer, cycle, 'read');
      return {
        cycleId: cycle.id,
        status: 'sent',
        to: sent.to,
        subject: sent.subject,
        body: sent.body,
        sentAt: sent.sentAt,
        missing: [],
        links: assignmentLinks({ origin, lessonId: cycle.lessonId, cycleId: cycle.id }),
      };
    }
    await this.assertCoach(viewer, cycle);
    const { facts, teacherEmail } = await this.facts(cycle, origin);
    return {
      cycleId: cycle.id,
      status: 'draft',
      to: teacherEmail,
      ...renderAssignment(facts),
      sentAt: null,
      missing: missingForAssignment(facts).map((need) => ({
        need,
        label: ASSIGNMENT_NEEDS[need],
      })),
      links: assignmentLinks(facts),
    };
  }

  /** Sends the coach's edited text to the teacher and records it; once per cycle. */
  async send(
    viewer: Viewer,
    cycleId: string,
    message: { subject: string; body: string },
    origin: string,
  ): Promise<AssignmentView> {
    const cycle = await this.deps.cycles.load(viewer, cycleId, 'read');
    await this.assertCoach(viewer, cycle);
    if (await this.deps.assignments.find(cycle.id)) throw alreadySent();
    const { facts, teacherEmail } = await this.facts(cycle, origin);
    const missing = missingForAssignment(facts);
    if (missing.length) {
      throw new AppError(
        ASSIGNMENT_ERRORS.incomplete,
        422,
        'The assignment is not ready to send',
        `Choose ${missing.map((m) => ASSIGNMENT_NEEDS[m]).join(', ')} first.`,
        missing.map((need) => ({
          path: `$.cycle.${need}`,
          reason: `choose ${ASSIGNMENT_NEEDS[need]}`,
        })),
      );
    }
    const mail = await this.deps.mailer.send({
      programId: cycle.programId,
      to: teacherEmail,
      kind: 'assignment',
      subject: message.subject,
      text: message.body,
    });
    if (!mail.delivered) {
      throw new AppError(
        ASSIGNMENT_ERRORS.notDelivered,
        502,
        'The email could not be sent',
        'The mail server did not accept the message. Nothing was recorded on the cycle; try again, or tell your administrator.',
      );
    }
    const sentAt = new Date().toISOString();
    const recorded = await this.deps.assignments.record({
      cycleId: cycle.id,
      sentBy: viewer.userId,
      to: teacherEmail,
      subject: message.subject,
      body: message.body,
      sentAt,
      outboxId: mail.id,
    });
    if (!recorded) throw alreadySent();
    await this.deps.audit.record({
      programId: cycle.programId,
      actorId: viewer.userId,
      action: 'assignment.sent',
      subjectType: 'cycle',
      subjectId: cycle.id,
      ...(cycle.lessonId ? { lessonId: cycle.lessonId } : {}),
      detail: { via: mail.via, outboxId: mail.id },
    });
    return this.get(viewer, cycle.id, origin);
  }

  /** Drafting and sending: the cycle's own coach, while they coach the teacher. */
  private assertCoach(viewer: Viewer, cycle: Cycle) {
    return this.assertShared(viewer, cycle, 'write');
  }

  private assertShared(viewer: Viewer, cycle: Cycle, action: 'read' | 'write') {
    return this.deps.access.assert(
      viewer,
      action,
      {
        kind: 'shared-item',
        programId: cycle.programId,
        teacherId: cycle.teacherId,
        // Writing needs authorship: the coach who runs the cycle, not the teacher.
        authorId: cycle.coachId,
      },
      'Assignment',
    );
  }

  private async facts(cycle: Cycle, origin: string) {
    const { coaching } = this.deps;
    const [clips, stockClip, people] = await Promise.all([
      coaching.clips(cycle.lessonId),
      coaching.stockClip(cycle.programId, cycle.stockClipId),
      coaching.contacts([cycle.teacherId, cycle.coachId]),
    ]);
    const teacher = people.get(cycle.teacherId);
    if (!teacher) throw denied('Cycle');
    const facts: AssignmentFacts = {
      cycleId: cycle.id,
      cycleNumber: cycle.number,
      lessonId: cycle.lessonId,
      teacherName: teacher.name,
      teacherTimeZone: teacher.timeZone,
      coachName: people.get(cycle.coachId)?.name ?? '',
      meetingAt: cycle.meetingAt,
      clips,
      stockClip,
      stockCodeIds: cycle.stockCodeIds,
      origin,
    };
    return { facts, teacherEmail: teacher.email };
  }
}

function alreadySent(): AppError {
  return new AppError(
    ASSIGNMENT_ERRORS.alreadySent,
    409,
    'The assignment was already sent',
    'Each cycle has one watching assignment. Write to the teacher directly for any change.',
  );
}
