import type { Config } from '../config';
import type { OutboxRepository } from '../repositories/outbox.repository';
import { type Mailer, OutboxMailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

/** The mailer the configuration asks for: SMTP when `SMTP_URL` is set, else the outbox. */
export function createMailer(config: Config, outbox: OutboxRepository): Mailer {
  const { smtpUrl, from } = config.mail;
  return smtpUrl ? new SmtpMailer(smtpUrl, from, outbox) : new OutboxMailer(outbox);
}
