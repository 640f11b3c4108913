import { type CycleView, STAGES } from '../domain/cycle';

/** One step the teacher takes in a cycle, in the order the cycle asks for them. */
export const TODO_KINDS = {
  upload: 'upload',
  coachPreparing: 'coach_preparing',
  watchClip1: 'watch_clip_1',
  watchClip2: 'watch_clip_2',
  scoreStock: 'score_stock',
  meeting: 'meeting',
  log: 'log',
} as const;
export type TodoKind = (typeof TODO_KINDS)[keyof typeof TODO_KINDS];

export interface TodoItem {
  kind: TodoKind;
  isDone: boolean;
  /** ISO date the step is due by (the video). */
  dueOn: string | null;
  /** ISO-8601 UTC instant the step happens at (the meeting). */
  at: string | null;
}

const item = (kind: TodoKind, isDone: boolean, extra: Partial<TodoItem> = {}): TodoItem => ({
  kind,
  isDone,
  dueOn: null,
  at: null,
  ...extra,
});

/**
 * The teacher's to-do list for their open cycle, from its derived stage and readiness:
 * film and upload by the due date, then (once the coach has sent the assignment) watch
 * both clips, score the stock clip, and meet; after the meeting, the log together.
 */
export function teacherTodo(cycle: CycleView): TodoItem[] {
  const uploaded = cycle.stage !== STAGES.awaitingVideo;
  const upload = item(TODO_KINDS.upload, uploaded, { dueOn: cycle.videoDueOn });
  if (!uploaded) return [upload];
  if (cycle.stage === STAGES.coachPreparing) {
    return [upload, item(TODO_KINDS.coachPreparing, false, { at: cycle.meetingAt })];
  }
  const held = cycle.stage === STAGES.conversationHeld || cycle.stage === STAGES.logComplete;
  const steps = [
    item(TODO_KINDS.watchClip1, cycle.readiness.clip1Watched),
    item(TODO_KINDS.watchClip2, cycle.readiness.clip2Watched),
  ];
  if (cycle.readiness.stockScored !== null) {
    steps.push(item(TODO_KINDS.scoreStock, cycle.readiness.stockScored));
  }
  steps.push(item(TODO_KINDS.meeting, held, { at: cycle.meetingAt }));
  if (held) steps.push(item(TODO_KINDS.log, cycle.stage === STAGES.logComplete));
  return steps;
}
