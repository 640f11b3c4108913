import type { Stage } from './cycle';

/**
 * A line of the teacher's goal-setting sheet: what they want to work on for one rubric
 * code. Goals change over the year; a changed goal is archived and replaced, so the year
 * keeps what the teacher was working towards at each point.
 */
export interface Goal {
  id: string;
  teacherId: string;
  codeId: string;
  text: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the goal was replaced or dropped. */
  archivedAt: string | null;
}

/** One cycle as a line of the teacher's year. */
export interface YearCycle {
  id: string;
  number: number;
  stage: Stage;
  lesson: { id: string; title: string; taughtOn: string } | null;
  meetingAt: string | null;
  conversationDate: string | null;
  /** The log's focus codes once written, the cycle's before. */
  focusCodeIds: string[];
  /** Goals the cycle or its log link to. */
  goalIds: string[];
  teacherNextStep: string;
  logCompletedAt: string | null;
}

export interface TeacherYear {
  teacherId: string;
  teacherName: string;
  cycles: YearCycle[];
  /** Every goal, archived ones too, so old cycles can name what they worked on. */
  goals: Goal[];
}
