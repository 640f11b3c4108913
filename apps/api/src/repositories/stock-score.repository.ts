import type { Db } from '../db/database';

/** A teacher's score of one code on their cycle's stock clip. */
export interface StockScore {
  codeId: string;
  level: string;
  reason: string;
  submittedAt: string | null;
  updatedAt: string;
}

/** A cycle's submitted scores with what they are compared against, for calibration. */
export interface ScoredCycle {
  cycleId: string;
  number: number;
  stockClipId: string;
  stockCodeIds: string[];
  submittedAt: string;
  scores: StockScore[];
}

/** The teacher's scores of their cycles' stock clips. */
export class StockScoreRepository {
  constructor(private readonly db: Db) {}

  async listForCycle(cycleId: string): Promise<StockScore[]> {
    const rows = await this.db
      .selectFrom('stock_score')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .execute();
    return rows.map((r) => ({
      codeId: r.code_id,
      level: r.level,
      reason: r.reason,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
    }));
  }

  /**
   * Replaces the cycle's draft with these scores, and fixes them when `submit`; in one
   * transaction that first re-checks nothing was submitted meanwhile (a second tab), so
   * submitted scores are never overwritten. Returns false when they already were.
   */
  async save(
    cycleId: string,
    scores: ReadonlyArray<{ codeId: string; level: string; reason: string }>,
    submit: boolean,
  ): Promise<boolean> {
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const done = await trx
        .selectFrom('stock_score')
        .select('cycle_id')
        .where('cycle_id', '=', cycleId)
        .where('submitted_at', 'is not', null)
        .executeTakeFirst();
      if (done) return false;
      await trx.deleteFrom('stock_score').where('cycle_id', '=', cycleId).execute();
      if (scores.length) {
        await trx
          .insertInto('stock_score')
          .values(
            scores.map((s) => ({
              cycle_id: cycleId,
              code_id: s.codeId,
              level: s.level,
              reason: s.reason,
              submitted_at: submit ? now : null,
              updated_at: now,
            })),
          )
          .execute();
      }
      return true;
    });
  }

  /** The teacher's cycles with submitted stock-clip scores, oldest first. */
  async submittedForTeacher(programId: string, teacherId: string): Promise<ScoredCycle[]> {
    const rows = await this.db
      .selectFrom('cycle')
      .innerJoin('stock_score', 'stock_score.cycle_id', 'cycle.id')
      .select([
        'cycle.id as cycle_id',
        'cycle.number',
        'cycle.stock_clip_id',
        'cycle.stock_code_ids',
        'stock_score.code_id',
        'stock_score.level',
        'stock_score.reason',
        'stock_score.submitted_at',
        'stock_score.updated_at',
      ])
      .where('cycle.program_id', '=', programId)
      .where('cycle.teacher_id', '=', teacherId)
      .where('cycle.stock_clip_id', 'is not', null)
      .where('stock_score.submitted_at', 'is not', null)
      .orderBy('cycle.number')
      .execute();
    const byCycle = new Map<string, ScoredCycle>();
    for (const r of rows) {
      let cycle = byCycle.get(r.cycle_id);
      if (!cycle) {
        cycle = {
          cycleId: r.cycle_id,
          number: Number(r.number),
          stockClipId: r.stock_clip_id as string,
          stockCodeIds: JSON.parse(r.stock_code_ids) as string[],
          submittedAt: r.submitted_at as string,
          scores: [],
        };
        byCycle.set(r.cycle_id, cycle);
      }
      cycle.scores.push({
        codeId: r.code_id,
        level: r.level,
        reason: r.reason,
        submittedAt: r.submitted_at,
        updatedAt: r.updated_at,
      });
    }
    return [...byCycle.values()];
  }
}
