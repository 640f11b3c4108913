import { type CycleView, STAGES } from '../domain/cycle';

/** Why a teacher's row sits where it does on the coach's dashboard, most urgent first. */
export const ATTENTION = {
  videoOverdue: 'video_overdue',
  teacherReady: 'teacher_ready',
  meetingSoon: 'meeting_soon',
  prepare: 'prepare',
  meetingPassed: 'meeting_passed',
  logDue: 'log_due',
  openNext: 'open_next',
  waitingForTeacher: 'waiting_for_teacher',
  awaitingVideo: 'awaiting_video',
} as const;
export type AttentionReason = (typeof ATTENTION)[keyof typeof ATTENTION];

/** Lower comes first. Equal ranks are equally urgent and fall back to the meeting date. */
const RANK: Record<AttentionReason, number> = {
  video_overdue: 0,
  teacher_ready: 1,
  meeting_soon: 1,
  prepare: 2,
  meeting_passed: 3,
  log_due: 3,
  open_next: 4,
  waiting_for_teacher: 5,
  awaiting_video: 6,
};

/** A meeting this close counts as soon: the coach should be ready for it. */
export const MEETING_SOON_MS = 48 * 3_600_000;

export interface Attention {
  reason: AttentionReason;
  rank: number;
}

/**
 * What a teacher's current cycle asks of the coach, read from the derived stage (never
 * re-derived here) and the dates. `current` is the teacher's latest cycle, or null.
 */
export function attentionFor(current: CycleView | null, now: Date): Attention {
  const reason = reasonFor(current, now.getTime());
  return { reason, rank: RANK[reason] };
}

function reasonFor(cycle: CycleView | null, now: number): AttentionReason {
  if (!cycle || cycle.stage === STAGES.logComplete) return ATTENTION.openNext;
  if (cycle.isVideoOverdue) return ATTENTION.videoOverdue;
  const meeting = cycle.meetingAt ? Date.parse(cycle.meetingAt) : null;
  switch (cycle.stage) {
    case STAGES.teacherReady:
      return meeting !== null && meeting < now ? ATTENTION.meetingPassed : ATTENTION.teacherReady;
    case STAGES.assigned:
      if (meeting !== null && meeting < now) return ATTENTION.meetingPassed;
      if (meeting !== null && meeting - now <= MEETING_SOON_MS) return ATTENTION.meetingSoon;
      return ATTENTION.waitingForTeacher;
    case STAGES.coachPreparing:
      return ATTENTION.prepare;
    case STAGES.conversationHeld:
      return ATTENTION.logDue;
    default:
      return ATTENTION.awaitingVideo;
  }
}

/** Orders rows by urgency, then the soonest meeting, the earliest due video, and name. */
export function compareAttention(
  a: { attention: Attention; current: CycleView | null; teacher: { name: string } },
  b: { attention: Attention; current: CycleView | null; teacher: { name: string } },
): number {
  return (
    a.attention.rank - b.attention.rank ||
    compareNullable(a.current?.meetingAt ?? null, b.current?.meetingAt ?? null) ||
    compareNullable(a.current?.videoDueOn ?? null, b.current?.videoDueOn ?? null) ||
    a.teacher.name.localeCompare(b.teacher.name)
  );
}

/** Ascending, with missing values last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
