/** Rubrics a program loaded (MQI is built in and not stored). */
export interface RubricTable {
  id: string;
  name: string;
  version: string;
  /** The validated rubric document, as JSON text (portable across SQLite and PostgreSQL). */
  document: string;
  created_at: string;
  updated_at: string;
}
