export interface ClipTable {
  id: string;
  lesson_id: string;
  /** 1 or 2: "Clip 1", "Clip 2". */
  position: number;
  start_ms: number;
  end_ms: number;
  summary: string;
  reason: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AnnotationTable {
  id: string;
  lesson_id: string;
  author_id: string;
  /** public | private */
  visibility: string;
  start_ms: number;
  /** Null for a point annotation. */
  end_ms: number | null;
  body: string;
  /** JSON array of rubric code ids. */
  code_ids: string;
  teacher_does: string | null;
  students_do: string | null;
  rubric_relation: string | null;
  created_at: string;
  updated_at: string;
}

export interface AnnotationReplyTable {
  id: string;
  annotation_id: string;
  lesson_id: string;
  author_id: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface TranscriptTable {
  lesson_id: string;
  format: string;
  /** JSON array of { startMs, endMs, text, speaker? }. */
  cues: string;
  created_at: string;
}

export interface WatchProgressTable {
  lesson_id: string;
  user_id: string;
  /** JSON array of merged [startMs, endMs] intervals. */
  intervals: string;
  updated_at: string;
}

export interface StockClipTable {
  id: string;
  program_id: string;
  pseudonym: string;
  title: string;
  grade: string;
  topic: string;
  /** JSON array of rubric code ids the clip is scored on. */
  code_ids: string;
  /** 1 for the demo's placeholder (no media yet). */
  is_placeholder: number;
  /** The clip's video, uploaded through the lesson pipeline (owned by the admin who added it). */
  lesson_id: string | null;
  description: string;
  created_at: string;
}
