import type { Db } from '../db/database';
import {
  type LogFields,
  type LogVersion,
  type LogVersionSummary,
  parseLogFields,
} from '../domain/log';

/** The log as stored: its current fields and version. */
export interface StoredLog {
  cycleId: string;
  version: number;
  fields: LogFields;
  completedAt: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** The collaborative log and every version of it ever saved. */
export class LogRepository {
  constructor(private readonly db: Db) {}

  async find(cycleId: string): Promise<StoredLog | undefined> {
    const row = await this.db
      .selectFrom('collab_log')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .executeTakeFirst();
    return (
      row && {
        cycleId: row.cycle_id,
        version: Number(row.version),
        fields: parseLogFields(row.fields),
        completedAt: row.completed_at,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }
    );
  }

  /** Current logs of many cycles at once (the year view). */
  async findMany(cycleIds: readonly string[]): Promise<Map<string, StoredLog>> {
    if (cycleIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('collab_log')
      .selectAll()
      .where('cycle_id', 'in', cycleIds)
      .execute();
    return new Map(
      rows.map((row) => [
        row.cycle_id,
        {
          cycleId: row.cycle_id,
          version: Number(row.version),
          fields: parseLogFields(row.fields),
          completedAt: row.completed_at,
          updatedBy: row.updated_by,
          updatedAt: row.updated_at,
        },
      ]),
    );
  }

  /**
   * Saves `fields` as version `expected + 1`, only if the log is still at `expected` (0:
   * not yet created). The compare-and-set and the kept version commit together; false
   * means someone saved first and nothing was written.
   */
  async save(
    cycleId: string,
    expected: number,
    fields: LogFields,
    authorId: string,
  ): Promise<boolean> {
    const now = new Date().toISOString();
    const json = JSON.stringify(fields);
    const version = expected + 1;
    try {
      return await this.db.transaction().execute(async (trx) => {
        if (expected === 0) {
          // The primary key refuses a second "first" save.
          await trx
            .insertInto('collab_log')
            .values({
              cycle_id: cycleId,
              version,
              fields: json,
              completed_at: null,
              updated_by: authorId,
              updated_at: now,
            })
            .execute();
        } else {
          const r = await trx
            .updateTable('collab_log')
            .set({ version, fields: json, updated_by: authorId, updated_at: now })
            .where('cycle_id', '=', cycleId)
            .where('version', '=', expected)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) return false;
        }
        await trx
          .insertInto('log_version')
          .values({
            cycle_id: cycleId,
            version,
            fields: json,
            author_id: authorId,
            created_at: now,
          })
          .execute();
        return true;
      });
    } catch (err) {
      // A concurrent first save or version insert lost the race: report it as such.
      if (await this.versionExists(cycleId, version)) return false;
      throw err;
    }
  }

  async setCompleted(cycleId: string, completedAt: string | null): Promise<void> {
    await this.db
      .updateTable('collab_log')
      .set({ completed_at: completedAt })
      .where('cycle_id', '=', cycleId)
      .execute();
  }

  private async versionExists(cycleId: string, version: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('log_version')
      .select('version')
      .where('cycle_id', '=', cycleId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Every kept version, newest first, with its author's name. */
  async versions(cycleId: string): Promise<LogVersionSummary[]> {
    const rows = await this.db
      .selectFrom('log_version as v')
      .innerJoin('auth_user as u', 'u.id', 'v.author_id')
      .select(['v.version', 'v.author_id', 'u.name', 'v.created_at'])
      .where('v.cycle_id', '=', cycleId)
      .orderBy('v.version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      authorId: r.author_id,
      authorName: r.name,
      createdAt: r.created_at,
    }));
  }

  async version(cycleId: string, version: number): Promise<LogVersion | undefined> {
    const row = await this.db
      .selectFrom('log_version as v')
      .innerJoin('auth_user as u', 'u.id', 'v.author_id')
      .select(['v.version', 'v.author_id', 'u.name', 'v.created_at', 'v.fields'])
      .where('v.cycle_id', '=', cycleId)
      .where('v.version', '=', version)
      .executeTakeFirst();
    return (
      row && {
        version: Number(row.version),
        authorId: row.author_id,
        authorName: row.name,
        createdAt: row.created_at,
        fields: parseLogFields(row.fields),
      }
    );
  }
}
