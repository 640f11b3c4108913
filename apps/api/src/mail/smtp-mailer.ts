import { createTransport, type Transporter } from 'nodemailer';
import type { OutboxRepository } from '../repositories/outbox.repository';
import type { Mailer, OutgoingMail, SentMail } from './mailer';

/** How long one delivery may take before it counts as failed (the request is waiting). */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * Delivers through a mail server (nodemailer) and keeps every message in the outbox as
 * well: with `sent_at` when the server accepted it, without when it did not, so an admin
 * can see what did not go out and copy a link by hand.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly outbox: OutboxRepository,
  ) {
    // The URL carries host, port, credentials and `smtps:` for implicit TLS; STARTTLS is
    // used whenever the server offers it.
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    let delivered = true;
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    } catch {
      delivered = false;
    }
    const { id } = await this.outbox.add(mail, delivered ? new Date().toISOString() : null);
    return { id, via: 'smtp', delivered };
  }
}
