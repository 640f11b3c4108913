import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** JSON lines on stdout: one object per event, easy to ship to any log store. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    base: { service: 'elevate-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
