import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Fixed-window counters in the database, so every API process sees the same counts. */
export class RateLimitRepository {
  constructor(private readonly db: Db) {}

  /**
   * Counts one hit on `key` in the window starting at `windowStart` and returns the count
   * so far; one atomic upsert, so concurrent hits are never lost.
   */
  async hit(key: string, windowStart: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_limit')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limit.window_start = excluded.window_start then rate_limit.count + 1 else 1 end`,
          window_start: sql<number>`excluded.window_start`,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** The count in the given window, without counting a hit. */
  async count(key: string, windowStart: number): Promise<number> {
    const row = await this.db
      .selectFrom('rate_limit')
      .select('count')
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .executeTakeFirst();
    return row ? Number(row.count) : 0;
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit').where('key', '=', key).execute();
  }
}
