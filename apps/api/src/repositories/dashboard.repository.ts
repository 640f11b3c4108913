import type { Db } from '../db/database';

/** A teacher as the dashboards list them, with their current coach. */
export interface DashboardTeacher {
  id: string;
  name: string;
  coachId: string | null;
  coachName: string | null;
}

/** A submitted stock-clip score beside the stock clip's master score for the same code. */
export interface ScoredCode {
  cycleId: string;
  codeId: string;
  level: string;
  masterLevel: string | null;
}

/**
 * The dashboards' own reads: who is in a caseload or a program, and the scores the research
 * export compares. Each is one query however large the program.
 */
export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /**
   * Active teachers of the program with their current coach; only one coach's caseload
   * when `coachId` is given (the filter is in the query, so nobody else's teachers load).
   */
  async teachers(programId: string, coachId?: string): Promise<DashboardTeacher[]> {
    let query = this.db
      .selectFrom('auth_user as t')
      .leftJoin('caseload as c', (join) =>
        join.onRef('c.teacher_id', '=', 't.id').on('c.ends_at', 'is', null),
      )
      .leftJoin('auth_user as k', 'k.id', 'c.coach_id')
      .select(['t.id', 't.name', 'c.coach_id', 'k.name as coach_name'])
      .where('t.programId', '=', programId)
      .where('t.role', '=', 'teacher')
      .where('t.deactivatedAt', 'is', null);
    if (coachId) query = query.where('c.coach_id', '=', coachId);
    const rows = await query.orderBy('t.name').orderBy('t.id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      coachId: r.coach_id ?? null,
      coachName: r.coach_name ?? null,
    }));
  }

  /** Every submitted stock score of the program's cycles, with the master score it meets. */
  async submittedScores(programId: string): Promise<ScoredCode[]> {
    const rows = await this.db
      .selectFrom('stock_score as s')
      .innerJoin('cycle as c', 'c.id', 's.cycle_id')
      .leftJoin('master_score as m', (join) =>
        join.onRef('m.stock_clip_id', '=', 'c.stock_clip_id').onRef('m.code_id', '=', 's.code_id'),
      )
      .select(['s.cycle_id', 's.code_id', 's.level', 'm.level as master_level'])
      .where('c.program_id', '=', programId)
      .where('s.submitted_at', 'is not', null)
      .orderBy('s.cycle_id')
      .orderBy('s.code_id')
      .execute();
    return rows.map((r) => ({
      cycleId: r.cycle_id,
      codeId: r.code_id,
      level: r.level,
      masterLevel: r.master_level ?? null,
    }));
  }
}
