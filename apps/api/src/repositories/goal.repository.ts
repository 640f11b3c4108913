import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { GoalTable } from '../db/tables/cycle.table';
import type { Goal } from '../domain/goal';

function toGoal(r: Selectable<GoalTable>): Goal {
  return {
    id: r.id,
    teacherId: r.teacher_id,
    codeId: r.code_id,
    text: r.text,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

/** The teachers' goal-setting sheets, one row per goal, archived rather than changed. */
export class GoalRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<(Goal & { programId: string }) | undefined> {
    const row = await this.db
      .selectFrom('goal')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { ...toGoal(row), programId: row.program_id };
  }

  /** All of a teacher's goals, archived ones included, oldest first. */
  async listForTeacher(programId: string, teacherId: string): Promise<Goal[]> {
    const rows = await this.db
      .selectFrom('goal')
      .selectAll()
      .where('program_id', '=', programId)
      .where('teacher_id', '=', teacherId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toGoal);
  }

  async create(input: {
    programId: string;
    teacherId: string;
    codeId: string;
    text: string;
    createdBy: string;
  }): Promise<Goal> {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await this.db
      .insertInto('goal')
      .values({
        id,
        program_id: input.programId,
        teacher_id: input.teacherId,
        code_id: input.codeId,
        text: input.text,
        created_by: input.createdBy,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .execute();
    return (await this.findById(id)) as Goal;
  }

  /**
   * Archives `id` and adds its replacement in one transaction, so the sheet never shows
   * both or neither. False when the goal was archived meanwhile (nothing written).
   */
  async replace(
    id: string,
    next: { codeId: string; text: string; createdBy: string },
  ): Promise<Goal | undefined> {
    const now = new Date().toISOString();
    const newId = crypto.randomUUID();
    const done = await this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('goal').selectAll().where('id', '=', id).executeTakeFirst();
      if (!old) return false;
      const r = await trx
        .updateTable('goal')
        .set({ archived_at: now, updated_at: now })
        .where('id', '=', id)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('goal')
        .values({
          id: newId,
          program_id: old.program_id,
          teacher_id: old.teacher_id,
          code_id: next.codeId,
          text: next.text,
          created_by: next.createdBy,
          // A millisecond later than the archive, so "oldest first" keeps the order of events.
          created_at: new Date(Date.parse(now) + 1).toISOString(),
          updated_at: now,
          archived_at: null,
        })
        .execute();
      return true;
    });
    return done ? this.findById(newId) : undefined;
  }

  /** False when it was already archived. */
  async archive(id: string): Promise<boolean> {
    const now = new Date().toISOString();
    const r = await this.db
      .updateTable('goal')
      .set({ archived_at: now, updated_at: now })
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Which of these ids are goals of this teacher (archived or not). */
  async idsOfTeacher(teacherId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('goal')
      .select('id')
      .where('teacher_id', '=', teacherId)
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  }
}
