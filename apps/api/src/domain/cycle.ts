/**
 * The coaching cycle. Its stage is derived from what exists (a lesson uploaded, the
 * assignment sent, clips watched and the stock clip scored, the meeting held, the log
 * completed), never stored, so it cannot disagree with the facts.
 */
export const STAGES = {
  awaitingVideo: 'awaiting_video',
  coachPreparing: 'coach_preparing',
  assigned: 'assigned',
  teacherReady: 'teacher_ready',
  conversationHeld: 'conversation_held',
  logComplete: 'log_complete',
} as const;
export type Stage = (typeof STAGES)[keyof typeof STAGES];
export const STAGE_ORDER: readonly Stage[] = Object.values(STAGES);

export const STAGE_LABELS: Record<Stage, string> = {
  awaiting_video: 'Awaiting video',
  coach_preparing: 'Coach preparing',
  assigned: 'Assigned',
  teacher_ready: 'Teacher ready',
  conversation_held: 'Conversation held',
  log_complete: 'Log complete',
};

/** A clip counts as watched when the teacher has seen this share of it. */
export const WATCHED_SHARE = 0.9;

/** What the teacher has done to prepare for the conversation. */
export interface Readiness {
  clip1Watched: boolean;
  clip2Watched: boolean;
  /** Null when the cycle has no stock clip to score. */
  stockScored: boolean | null;
}

export function isReady(r: Readiness): boolean {
  return r.clip1Watched && r.clip2Watched && r.stockScored !== false;
}

/** The facts a stage follows from. */
export interface StageFacts {
  /** The cycle's lesson has its video (uploaded; processed or not). */
  hasVideo: boolean;
  assignedAt: string | null;
  readiness: Readiness;
  heldAt: string | null;
  logCompletedAt: string | null;
}

export function deriveStage(f: StageFacts): Stage {
  if (f.logCompletedAt) return STAGES.logComplete;
  if (f.heldAt) return STAGES.conversationHeld;
  if (f.assignedAt) return isReady(f.readiness) ? STAGES.teacherReady : STAGES.assigned;
  if (f.hasVideo) return STAGES.coachPreparing;
  return STAGES.awaitingVideo;
}

/** The stored record; what the API returns adds the stage and its facts. */
export interface Cycle {
  id: string;
  programId: string;
  teacherId: string;
  coachId: string;
  number: number;
  focusCodeIds: string[];
  goalIds: string[];
  lessonId: string | null;
  stockClipId: string | null;
  stockCodeIds: string[];
  /** ISO date. */
  videoDueOn: string | null;
  /** ISO-8601 UTC instant. */
  meetingAt: string | null;
  heldAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CycleView extends Cycle {
  stage: Stage;
  teacherName: string;
  coachName: string;
  lesson: { id: string; title: string; taughtOn: string; state: string } | null;
  assignedAt: string | null;
  readiness: Readiness;
  logCompletedAt: string | null;
  /** The video due date has passed with no video. */
  isVideoOverdue: boolean;
}
