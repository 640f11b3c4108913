import type { Config } from '../config';
import type { OutboxRepository } from '../repositories/outbox.repository';
import { type Mailer, OutboxMailer } from './mailer';

/** The mailer the configuration asks for; with no mail server, the outbox. */
export function createMailer(_config: Config, outbox: OutboxRepository): Mailer {
  return new OutboxMailer(outbox);
}
