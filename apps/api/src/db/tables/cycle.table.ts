export interface CycleTable {
  id: string;
  program_id: string;
  teacher_id: string;
  coach_id: string;
  /** 1, 2, ... per teacher. */
  number: number;
  /** JSON array of rubric code ids. */
  focus_code_ids: string;
  /** JSON array of goal ids the cycle works on. */
  goal_ids: string;
  lesson_id: string | null;
  stock_clip_id: string | null;
  /** JSON array of the rubric code ids the teacher scores the stock clip on. */
  stock_code_ids: string;
  /** ISO date by which the video is filmed. */
  video_due_on: string | null;
  /** ISO-8601 UTC instant of the conversation. */
  meeting_at: string | null;
  /** When the coach marked the conversation held. */
  held_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CyclePrepTable {
  cycle_id: string;
  author_id: string;
  /** JSON object of the planning guide's answers. */
  fields: string;
  updated_at: string;
}

export interface CycleAssignmentTable {
  cycle_id: string;
  sent_by: string;
  to_email: string;
  subject: string;
  body: string;
  outbox_id: string | null;
  sent_at: string;
}

export interface StockScoreTable {
  cycle_id: string;
  code_id: string;
  level: string;
  reason: string;
  submitted_at: string | null;
  updated_at: string;
}

export interface MasterScoreTable {
  stock_clip_id: string;
  code_id: string;
  level: string;
  rationale: string;
}

export interface CollabLogTable {
  cycle_id: string;
  version: number;
  /** JSON object of the log's fields. */
  fields: string;
  completed_at: string | null;
  updated_by: string;
  updated_at: string;
}

export interface LogVersionTable {
  cycle_id: string;
  version: number;
  fields: string;
  author_id: string;
  created_at: string;
}

export interface GoalTable {
  id: string;
  program_id: string;
  teacher_id: string;
  code_id: string;
  text: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ReminderTable {
  /** kind:cycleId:date: the same reminder is never sent twice. */
  key: string;
  cycle_id: string;
  kind: string;
  sent_at: string;
}
