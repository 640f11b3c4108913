import type { Db } from '../db/database';

/** A clip of the cycle's lesson, as the planning guide and the email show it. */
export interface CycleClip {
  position: 1 | 2;
  startMs: number;
  endMs: number;
  summary: string;
  reason: string;
}

export interface StockClipInfo {
  id: string;
  pseudonym: string;
  title: string;
  /** The stock clip's own video (a lesson of the library), when one was uploaded. */
  lessonId: string | null;
}

/** Who a message goes to. */
export interface Contact {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  isActive: boolean;
}

export interface TeacherGoal {
  id: string;
  codeId: string;
  text: string;
}

/** Read-only look-ups the coaching features share: clips, the stock clip, people, goals. */
export class CoachingRepository {
  constructor(private readonly db: Db) {}

  async clips(lessonId: string | null): Promise<CycleClip[]> {
    if (!lessonId) return [];
    const rows = await this.db
      .selectFrom('clip')
      .select(['position', 'start_ms', 'end_ms', 'summary', 'reason'])
      .where('lesson_id', '=', lessonId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      position: Number(r.position) === 2 ? 2 : 1,
      startMs: Number(r.start_ms),
      endMs: Number(r.end_ms),
      summary: r.summary,
      reason: r.reason,
    }));
  }

  /** The stock clip, only from the cycle's own program. */
  async stockClip(programId: string, id: string | null): Promise<StockClipInfo | null> {
    if (!id) return null;
    const row = await this.db
      .selectFrom('stock_clip')
      .select(['id', 'pseudonym', 'title', 'lesson_id'])
      .where('id', '=', id)
      .where('program_id', '=', programId)
      .executeTakeFirst();
    return row
      ? { id: row.id, pseudonym: row.pseudonym, title: row.title, lessonId: row.lesson_id }
      : null;
  }

  async contacts(userIds: readonly string[]): Promise<Map<string, Contact>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('auth_user')
      .select(['id', 'name', 'email', 'timeZone', 'deactivatedAt'])
      .where('id', 'in', [...new Set(userIds)])
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          email: r.email,
          timeZone: r.timeZone ?? 'UTC',
          isActive: !r.deactivatedAt,
        },
      ]),
    );
  }

  /** The teacher's current goals (archived ones are history). */
  async goals(teacherId: string): Promise<TeacherGoal[]> {
    const rows = await this.db
      .selectFrom('goal')
      .select(['id', 'code_id', 'text'])
      .where('teacher_id', '=', teacherId)
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, codeId: r.code_id, text: r.text }));
  }
}
