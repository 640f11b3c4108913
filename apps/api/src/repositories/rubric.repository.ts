import type { Rubric } from '@elevate/rubric';
import type { Db } from '../db/database';

/** Loaded rubrics, stored as validated JSON documents. */
export class RubricRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<Rubric[]> {
    const rows = await this.db.selectFrom('rubric').select('document').orderBy('name').execute();
    return rows.map((row) => JSON.parse(row.document) as Rubric);
  }

  async findById(id: string): Promise<Rubric | undefined> {
    const row = await this.db
      .selectFrom('rubric')
      .select('document')
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (JSON.parse(row.document) as Rubric) : undefined;
  }
}
