import type { Db } from '../db/database';

/** The watching assignment as it was sent. */
export interface SentAssignment {
  cycleId: string;
  sentBy: string;
  to: string;
  subject: string;
  body: string;
  sentAt: string;
}

export class AssignmentRepository {
  constructor(private readonly db: Db) {}

  async find(cycleId: string): Promise<SentAssignment | undefined> {
    const row = await this.db
      .selectFrom('cycle_assignment')
      .selectAll()
      .where('cycle_id', '=', cycleId)
      .executeTakeFirst();
    return (
      row && {
        cycleId: row.cycle_id,
        sentBy: row.sent_by,
        to: row.to_email,
        subject: row.subject,
        body: row.body,
        sentAt: row.sent_at,
      }
    );
  }

  /**
   * Records the sent assignment. The cycle id is the key, so of two sends racing only one
   * is recorded; the caller learns which by the return value.
   */
  async record(a: SentAssignment & { outboxId: string }): Promise<boolean> {
    const result = await this.db
      .insertInto('cycle_assignment')
      .values({
        cycle_id: a.cycleId,
        sent_by: a.sentBy,
        to_email: a.to,
        subject: a.subject,
        body: a.body,
        outbox_id: a.outboxId,
        sent_at: a.sentAt,
      })
      .onConflict((oc) => oc.column('cycle_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
