import type { Db } from '../db/database';

export interface StoredPrep {
  fields: Record<string, unknown>;
  updatedAt: string;
}

/** The coach's planning notes of a cycle: one row, read and written only by its author. */
export class PrepRepository {
  constructor(private readonly db: Db) {}

  /** The author's notes; another user's id finds nothing, so privacy holds at the query. */
  async find(cycleId: string, authorId: string): Promise<StoredPrep | undefined> {
    const row = await this.db
      .selectFrom('cycle_prep')
      .select(['fields', 'updated_at'])
      .where('cycle_id', '=', cycleId)
      .where('author_id', '=', authorId)
      .executeTakeFirst();
    return (
      row && { fields: JSON.parse(row.fields) as StoredPrep['fields'], updatedAt: row.updated_at }
    );
  }

  async save(cycleId: string, authorId: string, fields: object): Promise<StoredPrep> {
    const updatedAt = new Date().toISOString();
    const json = JSON.stringify(fields);
    // One row per cycle: a new coach taking the cycle over starts from their own notes
    // (the author column changes with them), never from the previous coach's.
    await this.db
      .insertInto('cycle_prep')
      .values({ cycle_id: cycleId, author_id: authorId, fields: json, updated_at: updatedAt })
      .onConflict((oc) =>
        oc
          .column('cycle_id')
          .doUpdateSet({ author_id: authorId, fields: json, updated_at: updatedAt }),
      )
      .execute();
    return { fields: JSON.parse(json) as StoredPrep['fields'], updatedAt };
  }
}
