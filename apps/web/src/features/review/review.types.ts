import type { InferResponseType } from 'hono/client';
import type { ApiClient } from '../../api/client';

/*
 * The review's resource shapes, derived from the API's route types so they cannot drift
 * from what the server sends. Kept here rather than in api/types.ts while that file is
 * being changed for the lessons pages.
 */
type LessonApi = ApiClient['lessons'][':id'];

export type Timeline = InferResponseType<LessonApi['timeline']['$get'], 200>;
export type ReviewLesson = Timeline['lesson'];
export type Clip = Timeline['clips'][number];
export type Annotation = Timeline['annotations'][number];
export type Reply = Annotation['replies'][number];
export type Visibility = Annotation['visibility'];
export type TranscriptAnswer = InferResponseType<LessonApi['transcript']['$get'], 200>;
export type Transcript = NonNullable<TranscriptAnswer['transcript']>;
export type Cue = Transcript['cues'][number];
export type WatchedSummary = InferResponseType<LessonApi['watched']['$get'], 200>;
export type ReviewMedia = InferResponseType<LessonApi['media']['$get'], 200>;

/** A clip slot: a lesson has exactly two, and a third is never offered. */
export const CLIP_POSITIONS = [1, 2] as const;
export type ClipPosition = (typeof CLIP_POSITIONS)[number];

/** What the annotation form sends, for create and edit alike (the API takes the whole note). */
export interface AnnotationInput {
  visibility: Visibility;
  startMs: number;
  endMs: number | null;
  body: string;
  codeIds: string[];
  teacherDoes: string | null;
  studentsDo: string | null;
  rubricRelation: string | null;
}

export interface ClipInput {
  startMs: number;
  endMs: number;
  summary: string;
  reason: string;
}

/** The storyboard sprite sheet, when the media pipeline made one. */
export interface Storyboard {
  url: string;
  intervalMs: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  count: number;
}
