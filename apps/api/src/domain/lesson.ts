/** Where a lesson is on its way from a file to something to review. */
export const LESSON_STATES = {
  awaitingUpload: 'awaiting_upload',
  uploading: 'uploading',
  processing: 'processing',
  ready: 'ready',
  /** Uploaded and kept, but no ffmpeg here to check or prepare it. */
  notProcessed: 'not_processed',
  failed: 'failed',
} as const;
export type LessonState = (typeof LESSON_STATES)[keyof typeof LESSON_STATES];

export interface Lesson {
  id: string;
  programId: string;
  teacherId: string;
  title: string;
  taughtOn: string;
  grade: string;
  topic: string;
  focusCodeIds: string[];
  consentAt: string;
  state: LessonState;
  stateReason: string | null;
  /** 0-100 while processing. */
  progress: number | null;
  durationMs: number | null;
  createdAt: string;
  updatedAt: string;
}

export const MEDIA_KINDS = {
  original: 'original',
  playable: 'playable',
  poster: 'poster',
  storyboard: 'storyboard',
} as const;
export type MediaKind = (typeof MEDIA_KINDS)[keyof typeof MEDIA_KINDS];

export interface MediaAsset {
  id: string;
  lessonId: string;
  kind: MediaKind;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  meta: Record<string, unknown> | null;
}
