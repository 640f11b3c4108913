import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { LessonTable } from '../db/tables/lesson.table';
import type { Lesson, LessonState } from '../domain/lesson';

function toLesson(r: Selectable<LessonTable>): Lesson {
  return {
    id: r.id,
    programId: r.program_id,
    teacherId: r.teacher_id,
    title: r.title,
    taughtOn: r.taught_on,
    grade: r.grade,
    topic: r.topic,
    focusCodeIds: JSON.parse(r.focus_code_ids) as string[],
    consentAt: r.consent_at,
    state: r.state as LessonState,
    stateReason: r.state_reason,
    progress: r.progress,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewLesson {
  programId: string;
  teacherId: string;
  title: string;
  taughtOn: string;
  grade: string;
  topic: string;
  focusCodeIds: string[];
}

export class LessonRepository {
  constructor(private readonly db: Db) {}

  async create(input: NewLesson, state: LessonState): Promise<Lesson> {
    const now = new Date().toISOString();
    const row = {
      id: crypto.randomUUID(),
      program_id: input.programId,
      teacher_id: input.teacherId,
      title: input.title,
      taught_on: input.taughtOn,
      grade: input.grade,
      topic: input.topic,
      focus_code_ids: JSON.stringify(input.focusCodeIds),
      consent_at: now,
      state,
      state_reason: null,
      progress: null,
      duration_ms: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('lesson').values(row).execute();
    return toLesson(row);
  }

  async findById(id: string): Promise<Lesson | undefined> {
    const row = await this.db
      .selectFrom('lesson')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toLesson(row) : undefined;
  }

  /** Lessons of the given teachers, newest taught first. */
  async listByTeachers(programId: string, teacherIds: string[]): Promise<Lesson[]> {
    if (teacherIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('lesson')
      .selectAll()
      .where('program_id', '=', programId)
      .where('teacher_id', 'in', teacherIds)
      .orderBy('taught_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toLesson);
  }

  async listByProgram(programId: string): Promise<Lesson[]> {
    const rows = await this.db
      .selectFrom('lesson')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('taught_on', 'desc')
      .execute();
    return rows.map(toLesson);
  }

  async update(
    id: string,
    patch: Partial<{
      title: string;
      taughtOn: string;
      grade: string;
      topic: string;
      focusCodeIds: string[];
      state: LessonState;
      stateReason: string | null;
      progress: number | null;
      durationMs: number | null;
    }>,
  ): Promise<void> {
    const set: Partial<Selectable<LessonTable>> = { updated_at: new Date().toISOString() };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.taughtOn !== undefined) set.taught_on = patch.taughtOn;
    if (patch.grade !== undefined) set.grade = patch.grade;
    if (patch.topic !== undefined) set.topic = patch.topic;
    if (patch.focusCodeIds !== undefined) set.focus_code_ids = JSON.stringify(patch.focusCodeIds);
    if (patch.state !== undefined) set.state = patch.state;
    if (patch.stateReason !== undefined) set.state_reason = patch.stateReason;
    if (patch.progress !== undefined) set.progress = patch.progress;
    if (patch.durationMs !== undefined) set.duration_ms = patch.durationMs;
    await this.db.updateTable('lesson').set(set).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('lesson').where('id', '=', id).execute();
  }

  /** Lessons taught before the date, for the program's retention rule. */
  async listTaughtBefore(programId: string, date: string): Promise<Lesson[]> {
    const rows = await this.db
      .selectFrom('lesson')
      .selectAll()
      .where('program_id', '=', programId)
      .where('taught_on', '<', date)
      .execute();
    return rows.map(toLesson);
  }
}
