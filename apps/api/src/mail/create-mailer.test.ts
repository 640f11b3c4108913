import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { createMailer } from './create-mailer';
import { OutboxMailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

// The outbox repository is not touched by choosing a mailer.
const outbox = {} as Parameters<typeof createMailer>[1];

describe('mail settings', () => {
  it('uses the outbox when no SMTP_URL is set', () => {
    const config = loadConfig({});
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'Elevate <elevate@localhost>' });
    expect(createMailer(config, outbox)).toBeInstanceOf(OutboxMailer);
  });

  it('uses SMTP for smtp:// and smtps:// addresses, with the configured sender', () => {
    for (const url of ['smtp://mail.example.org:587', 'smtps://u:p@mail.example.org:465']) {
      const config = loadConfig({ SMTP_URL: url, MAIL_FROM: 'Coaching <c@example.org>' });
      expect(config.mail).toEqual({ smtpUrl: url, from: 'Coaching <c@example.org>' });
      expect(createMailer(config, outbox)).toBeInstanceOf(SmtpMailer);
    }
  });

  it('refuses an address that is not a mail server', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.org' })).toThrowError(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'not a url' })).toThrowError(/SMTP_URL/);
  });
});
