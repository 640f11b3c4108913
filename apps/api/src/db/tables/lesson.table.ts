export interface LessonTable {
  id: string;
  program_id: string;
  teacher_id: string;
  title: string;
  /** ISO date. */
  taught_on: string;
  grade: string;
  topic: string;
  /** JSON array of rubric code ids. */
  focus_code_ids: string;
  /** When the teacher confirmed the recording follows the school's recording policy. */
  consent_at: string;
  state: string;
  state_reason: string | null;
  progress: number | null;
  duration_ms: number | null;
  created_at: string;
  updated_at: string;
}

export interface MediaAssetTable {
  id: string;
  lesson_id: string;
  /** original | playable | poster | storyboard */
  kind: string;
  storage_key: string;
  content_type: string;
  size_bytes: number;
  /** JSON: probe results, storyboard geometry. */
  meta: string | null;
  created_at: string;
}

export interface UploadTable {
  id: string;
  program_id: string;
  lesson_id: string;
  user_id: string;
  storage_key: string;
  store_upload_id: string | null;
  file_name: string;
  size_bytes: number;
  content_type: string;
  part_size: number;
  /** active | completed | aborted */
  state: string;
  created_at: string;
  updated_at: string;
}

export interface JobTable {
  id: string;
  kind: string;
  lesson_id: string | null;
  payload: string;
  /** queued | running | done | failed */
  state: string;
  attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}
