import { type CycleView, STAGES } from '../domain/cycle';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import type { CoachingRepository, Contact } from '../repositories/coaching.repository';
import type { CycleRepository } from '../repositories/cycle.repository';
import type { ReminderRepository } from '../repositories/reminder.repository';
import { formatMeeting } from './assignment-template';
import type { CycleService } from './cycle.service';

/** Reminders of the day before go out from this local hour on, not in the small hours. */
export const REMINDER_FROM_HOUR = 8;

export const REMINDER_KINDS = {
  videoDue: 'video-due',
  meetingTeacher: 'meeting-teacher',
  meetingCoach: 'meeting-coach',
  teacherReady: 'teacher-ready',
} as const;

/** The calendar date and hour of an instant in a time zone. */
export function localDateHour(at: Date, timeZone: string): { date: string; hour: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return localDateHour(at, 'UTC');
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

const nextDay = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** True from REMINDER_FROM_HOUR on the day before `date`, in the person's time zone. */
function isDayBefore(now: Date, date: string, timeZone: string): boolean {
  const local = localDateHour(now, timeZone);
  return nextDay(local.date) === date && local.hour >= REMINDER_FROM_HOUR;
}

const longDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(new Date(`${isoDate}T00:00:00Z`));

interface Due {
  key: string;
  kind: string;
  cycleId: string;
  mail: OutgoingMail;
}

/**
 * Reminders by the same channel as the assignment: the day before a video is due (the
 * teacher), the day before a meeting (teacher and coach, each in their own time zone), and
 * to the coach when the teacher has watched both clips and scored the stock clip. Run by
 * the hourly maintenance; each reminder is claimed in the reminder table (kind:cycle:date)
 * before it is sent, so repeated or concurrent runs never send one twice.
 */
export class ReminderService {
  constructor(
    private readonly deps: {
      cycles: CycleService;
      cycleRecords: CycleRepository;
      reminders: ReminderRepository;
      coaching: CoachingRepository;
      mailer: Mailer;
      /** Where links point (PUBLIC_URL, or the server's own address). */
      origin: string;
    },
  ) {}

  /** Sends what is due at `now`; returns how many messages went out. */
  async sendDueReminders(now: Date): Promise<number> {
    let sent = 0;
    for (const programId of await this.deps.reminders.programsWithOpenCycles()) {
      const open = (await this.deps.cycleRecords.listForProgram(programId)).filter(
        (c) => c.heldAt === null,
      );
      const views = await this.deps.cycles.views(open, now);
      const people = await this.deps.coaching.contacts(
        views.flatMap((v) => [v.teacherId, v.coachId]),
      );
      for (const view of views) {
        for (const due of this.dueFor(view, people, now)) {
          if (!(await this.deps.reminders.claim(due.key, due.cycleId, due.kind, now))) continue;
          const result = await this.deps.mailer.send(due.mail);
          // Undelivered: give the claim back so the next hourly run tries again.
          if (result.delivered) sent += 1;
          else await this.deps.reminders.release(due.key);
        }
      }
    }
    return sent;
  }

  private dueFor(view: CycleView, people: Map<string, Contact>, now: Date): Due[] {
    const teacher = people.get(view.teacherId);
    const coach = people.get(view.coachId);
    const out: Due[] = [];
    const link = (path: string) => `${this.deps.origin}${path}`;
    const mail = (to: Contact, subject: string, lines: string[]): OutgoingMail => ({
      programId: view.programId,
      to: to.email,
      kind: 'reminder',
      subject,
      text: [`Hi ${to.name},`, '', ...lines, '', '— Elevate'].join('\n'),
    });
    if (
      teacher?.isActive &&
      view.videoDueOn &&
      view.stage === STAGES.awaitingVideo &&
      isDayBefore(now, view.videoDueOn, teacher.timeZone)
    ) {
      out.push({
        key: `${REMINDER_KINDS.videoDue}:${view.id}:${view.videoDueOn}`,
        kind: REMINDER_KINDS.videoDue,
        cycleId: view.id,
        mail: mail(teacher, `Reminder: your lesson video is due tomorrow`, [
          `A reminder that the video for coaching cycle ${view.number} is due tomorrow, ${longDate(view.videoDueOn)}.`,
          `Upload it here: ${link('/lessons/new')}`,
        ]),
      });
    }
    if (view.meetingAt && view.meetingAt > now.toISOString()) {
      const meetingAt = view.meetingAt;
      for (const [person, kind, other] of [
        [teacher, REMINDER_KINDS.meetingTeacher, view.coachName],
        [coach, REMINDER_KINDS.meetingCoach, view.teacherName],
      ] as const) {
        if (!person?.isActive) continue;
        if (
          !isDayBefore(
            now,
            localDateHour(new Date(meetingAt), person.timeZone).date,
            person.timeZone,
          )
        )
          continue;
        const when = formatMeeting(meetingAt, person.timeZone);
        out.push({
          key: `${kind}:${view.id}:${meetingAt}`,
          kind,
          cycleId: view.id,
          mail: mail(person, `Reminder: coaching conversation tomorrow, ${when}`, [
            `A reminder that your coaching conversation with ${other} (cycle ${view.number}) is tomorrow, ${when}.`,
            kind === REMINDER_KINDS.meetingCoach
              ? `Your preparation and the conversation view: ${link(`/cycles/${view.id}/conversation`)}`
              : `The clips and the stock clip to watch before then: ${link(`/cycles/${view.id}`)}`,
          ]),
        });
      }
    }
    if (coach?.isActive && view.stage === STAGES.teacherReady && view.assignedAt) {
      out.push({
        key: `${REMINDER_KINDS.teacherReady}:${view.id}:${view.assignedAt.slice(0, 10)}`,
        kind: REMINDER_KINDS.teacherReady,
        cycleId: view.id,
        mail: mail(coach, `${view.teacherName} is ready for your conversation`, [
          `${view.teacherName} has watched both clips${view.readiness.stockScored ? ' and scored the stock clip' : ''} for cycle ${view.number}.`,
          `Open the cycle: ${link(`/cycles/${view.id}`)}`,
        ]),
      });
    }
    return out;
  }
}
