import type { Db } from '../db/database';
import type { TranscriptCue } from '../domain/review';

/** A lesson's transcript and what each viewer watched of it. */
export class TranscriptRepository {
  constructor(private readonly db: Db) {}

  async get(lessonId: string): Promise<{ format: string; cues: TranscriptCue[] } | undefined> {
    const row = await this.db
      .selectFrom('transcript')
      .selectAll()
      .where('lesson_id', '=', lessonId)
      .executeTakeFirst();
    return row ? { format: row.format, cues: JSON.parse(row.cues) as TranscriptCue[] } : undefined;
  }

  async put(lessonId: string, format: string, cues: TranscriptCue[]): Promise<void> {
    const values = {
      lesson_id: lessonId,
      format,
      cues: JSON.stringify(cues),
      created_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('transcript')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('lesson_id')
          .doUpdateSet({ format, cues: values.cues, created_at: values.created_at }),
      )
      .execute();
  }

  async delete(lessonId: string): Promise<void> {
    await this.db.deleteFrom('transcript').where('lesson_id', '=', lessonId).execute();
  }

  async watched(lessonId: string, userId: string): Promise<Array<[number, number]>> {
    const row = await this.db
      .selectFrom('watch_progress')
      .select('intervals')
      .where('lesson_id', '=', lessonId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.intervals) as Array<[number, number]>) : [];
  }

  async putWatched(
    lessonId: string,
    userId: string,
    intervals: Array<[number, number]>,
  ): Promise<void> {
    const now = new Date().toISOString();
    const text = JSON.stringify(intervals);
    await this.db
      .insertInto('watch_progress')
      .values({ lesson_id: lessonId, user_id: userId, intervals: text, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['lesson_id', 'user_id']).doUpdateSet({ intervals: text, updated_at: now }),
      )
      .execute();
  }
}
