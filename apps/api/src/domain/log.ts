/**
 * The collaborative log's fields, named after the program's log form: filled in together
 * at the end of a conversation; the next cycle opens from them.
 */
export interface LogFields {
  /** ISO date of the conversation. */
  conversationDate: string | null;
  /** ISO date of the lesson discussed. */
  lessonDate: string | null;
  focusCodeIds: string[];
  /** Highlights, learnings and what's working. */
  highlights: string;
  /** Summary of the conversation and the list of elevation ideas. */
  summary: string;
  /** One specific action the teacher commits to. */
  teacherNextStep: string;
  coachNextSteps: string;
  /** ISO date by which the next video will be filmed. */
  nextVideoDueOn: string | null;
  /** ISO-8601 UTC instant of the next meeting. */
  nextMeetingAt: string | null;
}

export const EMPTY_LOG: LogFields = {
  conversationDate: null,
  lessonDate: null,
  focusCodeIds: [],
  highlights: '',
  summary: '',
  teacherNextStep: '',
  coachNextSteps: '',
  nextVideoDueOn: null,
  nextMeetingAt: null,
};
