import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { formatMinutesSeconds } from '@elevate/timecode';
import type { CycleClip, StockClipInfo } from '../repositories/coaching.repository';

/** What the watching-assignment email is rendered from. */
export interface AssignmentFacts {
  cycleId: string;
  cycleNumber: number;
  lessonId: string | null;
  teacherName: string;
  teacherTimeZone: string;
  coachName: string;
  /** ISO-8601 UTC instant, or null when no meeting is set yet. */
  meetingAt: string | null;
  clips: readonly CycleClip[];
  stockClip: StockClipInfo | null;
  stockCodeIds: readonly string[];
  /** Where links point: PUBLIC_URL or the request's origin, without a trailing slash. */
  origin: string;
}

/** What a cycle still needs before its assignment can go out. */
export const ASSIGNMENT_NEEDS = {
  clip1: 'clip 1 of the lesson',
  clip2: 'clip 2 of the lesson',
  stockClip: 'a stock clip',
  stockCodes: 'the codes to score the stock clip on',
} as const;
export type AssignmentNeed = keyof typeof ASSIGNMENT_NEEDS;

export function missingForAssignment(f: AssignmentFacts): AssignmentNeed[] {
  const missing: AssignmentNeed[] = [];
  if (!f.clips.some((c) => c.position === 1)) missing.push('clip1');
  if (!f.clips.some((c) => c.position === 2)) missing.push('clip2');
  if (!f.stockClip) missing.push('stockClip');
  if (f.stockCodeIds.length === 0) missing.push('stockCodes');
  return missing;
}

/** "Tuesday, December 1 at 5:00 PM CST": a meeting as the recipient reads it, in their zone. */
export function formatMeeting(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const zone = safeZone(timeZone);
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
  return `${day} at ${time}`;
}

/** A stored zone Intl does not know must not break a reminder: fall back to UTC. */
function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** `02:00-07:00`, as the program's emails write clip times. */
export function clipRange(clip: CycleClip | undefined): string {
  return clip
    ? `${formatMinutesSeconds(clip.startMs)}-${formatMinutesSeconds(clip.endMs)}`
    : '(not chosen yet)';
}

/** "Students Provide Explanations (STEXPL) and Task Cognitive Demand (TCD)". */
export function codeNames(ids: readonly string[]): string {
  const names = ids.map((id) => {
    const code = findCode(MQI_RUBRIC, id);
    return code ? `${code.name} (${code.id})` : id;
  });
  if (names.length <= 1) return names[0] ?? '(codes not chosen yet)';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Links the email and the to-do share. */
export function assignmentLinks(f: Pick<AssignmentFacts, 'origin' | 'lessonId' | 'cycleId'>) {
  const lesson = f.lessonId ? `${f.origin}/lessons/${f.lessonId}` : null;
  return {
    clip1: lesson ? `${lesson}/clips/1` : null,
    clip2: lesson ? `${lesson}/clips/2` : null,
    scoring: `${f.origin}/cycles/${f.cycleId}#stock`,
    cycle: `${f.origin}/cycles/${f.cycleId}`,
  };
}

/**
 * The draft of the watching assignment, following the program's email template (planning
 * guide, step 5): the meeting in the teacher's time zone, the clip times, the stock clip as
 * `Pseudonym: Title` and its codes by name, with links to the clip views and the scoring
 * form. The coach edits it before sending.
 */
export function renderAssignment(f: AssignmentFacts): { subject: string; body: string } {
  const meeting = f.meetingAt ? formatMeeting(f.meetingAt, f.teacherTimeZone) : null;
  const links = assignmentLinks(f);
  const clip = (n: 1 | 2) => f.clips.find((c) => c.position === n);
  const stock = f.stockClip ? `${f.stockClip.pseudonym}: ${f.stockClip.title}` : '(stock clip)';
  const lines = [
    `Hi ${f.teacherName},`,
    '',
    meeting
      ? `Thanks for filming and uploading your lesson. I look forward to talking with you at our regular time next week on ${meeting}. If that doesn't work for you next week, please let me know so we can reschedule.`
      : "Thanks for filming and uploading your lesson. I look forward to talking with you at our regular time next week. If that doesn't work for you, please let me know so we can reschedule.",
    '',
    `Before we talk, please review two short clips from the lesson you filmed by logging into Elevate. The clips we'll be watching are 1) from ${clipRange(clip(1))} and 2) from ${clipRange(clip(2))}.`,
    ...(links.clip1 ? [`Clip 1: ${links.clip1}`, `Clip 2: ${links.clip2}`] : []),
    '',
    `Please also take the time to watch the ${stock} stock clip, which we will be scoring on ${codeNames(f.stockCodeIds)}.`,
    `Watch and score it here: ${links.scoring}`,
    '',
    "If you have any questions or have any trouble accessing the videos, please let me know. I'm looking forward to talking with you again soon.",
    '',
    'Best,',
    '',
    f.coachName,
  ];
  const subject = meeting
    ? `Cycle ${f.cycleNumber}: clips to watch before we meet on ${meeting}`
    : `Cycle ${f.cycleNumber}: clips to watch before we meet`;
  return { subject, body: lines.join('\n') };
}
