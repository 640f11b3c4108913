/**
 * The collaborative log's fields, named after the program's log form: filled in together
 * at the end of a conversation; the next cycle opens from them. The conversation number is
 * the cycle's number, so it is not a field of its own.
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
  /** The teacher's goals this conversation worked on. */
  goalIds: string[];
  /** Pointers from the log's entries into the cycle's lesson. */
  links: LogLink[];
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
  goalIds: [],
  links: [],
};

export type LogFieldName = keyof LogFields;
export const LOG_FIELD_NAMES = Object.keys(EMPTY_LOG) as LogFieldName[];

/** The free-text entries a link can belong to. */
export const LINKABLE_FIELDS = [
  'highlights',
  'summary',
  'teacherNextStep',
  'coachNextSteps',
] as const;
export type LinkableField = (typeof LINKABLE_FIELDS)[number];

export const LINK_KINDS = { clip: 'clip', moment: 'moment', annotation: 'annotation' } as const;

/**
 * A link from an entry of the log to the cycle's lesson: one of the coach's two clips, a
 * moment (milliseconds from the start of the video), or a public annotation (its start is
 * copied in when saved, so the link can seek without loading the annotation).
 */
export type LogLink = { id: string; field: LinkableField; label: string } & (
  | { kind: 'clip'; position: 1 | 2 }
  | { kind: 'moment'; atMs: number }
  | { kind: 'annotation'; annotationId: string; atMs: number }
);

/** The log as the API returns it. */
export interface LogView {
  cycleId: string;
  /** The conversation number: the cycle's number. */
  number: number;
  lessonId: string | null;
  /** 0 until someone saves; each save adds one. */
  version: number;
  fields: LogFields;
  completedAt: string | null;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

/** One kept version, as listed (who saved it, when). */
export interface LogVersionSummary {
  version: number;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export interface LogVersion extends LogVersionSummary {
  fields: LogFields;
}

/** Reads stored fields, filling in names added since they were saved. */
export function parseLogFields(json: string): LogFields {
  return { ...EMPTY_LOG, ...(JSON.parse(json) as Partial<LogFields>) };
}
