import type { OutboxRepository } from '../repositories/outbox.repository';

export interface OutgoingMail {
  programId: string | null;
  to: string;
  kind: 'invitation' | 'password-reset' | (string & {});
  subject: string;
  text: string;
}

/** Sends mail. Every message is also kept in the outbox, which admins can read. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ id: string }>;
}

/**
 * The embedded default: with no mail server configured, messages land in the outbox
 * only, so an admin can copy an invitation link on a machine with no mail set up.
 */
export class OutboxMailer implements Mailer {
  constructor(private readonly outbox: OutboxRepository) {}

  async send(mail: OutgoingMail): Promise<{ id: string }> {
    return this.outbox.add(mail, null);
  }
}
