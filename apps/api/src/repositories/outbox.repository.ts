import type { Db } from '../db/database';
import type { OutgoingMail } from '../mail/mailer';

export interface OutboxMessage {
  id: string;
  to: string;
  kind: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
}

export class OutboxRepository {
  constructor(private readonly db: Db) {}

  async add(mail: OutgoingMail, sentAt: string | null): Promise<{ id: string }> {
    const id = crypto.randomUUID();
    await this.db
      .insertInto('outbox')
      .values({
        id,
        program_id: mail.programId,
        to_address: mail.to,
        subject: mail.subject,
        body_text: mail.text,
        kind: mail.kind,
        created_at: new Date().toISOString(),
        sent_at: sentAt,
      })
      .execute();
    return { id };
  }

  async listForProgram(programId: string, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      kind: r.kind,
      subject: r.subject,
      text: r.body_text,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    }));
  }
}
