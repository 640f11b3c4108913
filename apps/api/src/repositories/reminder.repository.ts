import type { Db } from '../db/database';

/** Reminders already sent, keyed `kind:cycleId:date` so none goes twice. */
export class ReminderRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims a reminder before it is sent: true for the first caller only, so two
   * maintenance runs at once cannot both send it.
   */
  async claim(key: string, cycleId: string, kind: string, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('reminder')
      .values({ key, cycle_id: cycleId, kind, sent_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Gives a claim back when the mail did not go out, so the next run tries again. */
  async release(key: string): Promise<void> {
    await this.db.deleteFrom('reminder').where('key', '=', key).execute();
  }

  /** Programs with a cycle whose conversation has not been held yet. */
  async programsWithOpenCycles(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cycle')
      .select('program_id')
      .distinct()
      .where('held_at', 'is', null)
      .execute();
    return rows.map((r) => r.program_id);
  }
}
