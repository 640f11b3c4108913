import type { Db } from '../db/database';
import type { LogFields } from '../domain/log';

/**
 * Writes the demo's coaching-cycle rows directly (goals, master scores, the assignment,
 * stock scores, a completed log with its versions): the demo shows a cycle history that
 * the features' own services would otherwise take many requests to build.
 */
export class DemoCycleRepository {
  constructor(private readonly db: Db) {}

  async hasCycles(teacherId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('cycle')
      .select('id')
      .where('teacher_id', '=', teacherId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async addGoal(input: {
    programId: string;
    teacherId: string;
    codeId: string;
    text: string;
    createdBy: string;
    at: string;
  }): Promise<string> {
    const id = crypto.randomUUID();
    await this.db
      .insertInto('goal')
      .values({
        id,
        program_id: input.programId,
        teacher_id: input.teacherId,
        code_id: input.codeId,
        text: input.text,
        created_by: input.createdBy,
        created_at: input.at,
        updated_at: input.at,
        archived_at: null,
      })
      .execute();
    return id;
  }

  /** Master scores of a stock clip; leaves codes that already have one as they are. */
  async putMasterScores(
    stockClipId: string,
    scores: ReadonlyArray<{ codeId: string; level: string; rationale: string }>,
  ): Promise<void> {
    if (scores.length === 0) return;
    await this.db
      .insertInto('master_score')
      .values(
        scores.map((s) => ({
          stock_clip_id: stockClipId,
          code_id: s.codeId,
          level: s.level,
          rationale: s.rationale,
        })),
      )
      .onConflict((oc) => oc.columns(['stock_clip_id', 'code_id']).doNothing())
      .execute();
  }

  async addAssignment(input: {
    cycleId: string;
    sentBy: string;
    toEmail: string;
    subject: string;
    body: string;
    sentAt: string;
  }): Promise<void> {
    await this.db
      .insertInto('cycle_assignment')
      .values({
        cycle_id: input.cycleId,
        sent_by: input.sentBy,
        to_email: input.toEmail,
        subject: input.subject,
        body: input.body,
        outbox_id: null,
        sent_at: input.sentAt,
      })
      .execute();
  }

  async addSubmittedScores(
    cycleId: string,
    scores: ReadonlyArray<{ codeId: string; level: string; reason: string }>,
    at: string,
  ): Promise<void> {
    await this.db
      .insertInto('stock_score')
      .values(
        scores.map((s) => ({
          cycle_id: cycleId,
          code_id: s.codeId,
          level: s.level,
          reason: s.reason,
          submitted_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }

  /** The log as its versions were saved, in order; the last one is current and completed. */
  async addCompletedLog(
    cycleId: string,
    versions: ReadonlyArray<{ fields: LogFields; authorId: string; at: string }>,
  ): Promise<void> {
    const last = versions.at(-1);
    if (!last) return;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('log_version')
        .values(
          versions.map((v, i) => ({
            cycle_id: cycleId,
            version: i + 1,
            fields: JSON.stringify(v.fields),
            author_id: v.authorId,
            created_at: v.at,
          })),
        )
        .execute();
      await trx
        .insertInto('collab_log')
        .values({
          cycle_id: cycleId,
          version: versions.length,
          fields: JSON.stringify(last.fields),
          completed_at: last.at,
          updated_by: last.authorId,
          updated_at: last.at,
        })
        .execute();
    });
  }
}
