import type { OutboxRepository } from '../repositories/outbox.repository';

export interface OutgoingMail {
  programId: string | null;
  to: string;
  kind: 'invitation' | 'password-reset' | 'assignment' | 'reminder' | (string & {});
  subject: string;
  text: string;
}

/** What became of a message. */
export interface SentMail {
  /** The message's outbox id. */
  id: string;
  /** The channel it went through. */
  via: 'smtp' | 'outbox';
  /**
   * False when the mail server refused the message or could not be reached. The message
   * is still in the outbox (unsent), so nothing is lost; callers that must tell the user
   * (the watching assignment) check this, others (invitations) carry on as before.
   */
  delivered: boolean;
}

/** Sends mail. Every message is also kept in the outbox, which admins can read. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
}

/**
 * The embedded default: with no mail server configured, messages land in the outbox
 * only, so an admin can copy an invitation link on a machine with no mail set up.
 */
export class OutboxMailer implements Mailer {
  constructor(private readonly outbox: OutboxRepository) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    const { id } = await this.outbox.add(mail, null);
    return { id, via: 'outbox', delivered: true };
  }
}
