export const VISIBILITY = { public: 'public', private: 'private' } as const;
export type Visibility = (typeof VISIBILITY)[keyof typeof VISIBILITY];

/** The coach's selection: "Clip 1" or "Clip 2" of a lesson. */
export interface Clip {
  id: string;
  lessonId: string;
  position: 1 | 2;
  startMs: number;
  endMs: number;
  summary: string;
  reason: string;
  createdBy: string;
  updatedAt: string;
}

export interface Reply {
  id: string;
  annotationId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface Annotation {
  id: string;
  lessonId: string;
  authorId: string;
  authorName: string;
  visibility: Visibility;
  startMs: number;
  /** Null for a point in time. */
  endMs: number | null;
  body: string;
  codeIds: string[];
  /** The planning guide's guiding fields. */
  teacherDoes: string | null;
  studentsDo: string | null;
  rubricRelation: string | null;
  createdAt: string;
  updatedAt: string;
  replies: Reply[];
}

export interface TranscriptCue {
  startMs: number;
  endMs: number;
  text: string;
  speaker?: string;
}
