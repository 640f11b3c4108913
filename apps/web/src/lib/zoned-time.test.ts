import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './zoned-time';

describe('zoned wall-clock times', () => {
  it('turns a wall time in a zone into its UTC instant and back', () => {
    expect(fromZonedInput('2026-12-01T17:00', 'America/New_York')).toBe('2026-12-01T22:00:00.000Z');
    expect(fromZonedInput('2026-07-01T17:00', 'America/New_York')).toBe('2026-07-01T21:00:00.000Z');
    expect(fromZonedInput('2026-12-01T17:00', 'Asia/Kolkata')).toBe('2026-12-01T11:30:00.000Z');
    expect(toZonedInput('2026-12-01T22:00:00.000Z', 'America/New_York')).toBe('2026-12-01T17:00');
    expect(toZonedInput('2026-03-29T01:30:00.000Z', 'Europe/Paris')).toBe('2026-03-29T03:30');
  });

  it('treats empty or malformed values as no time', () => {
    expect(fromZonedInput('', 'UTC')).toBeNull();
    expect(toZonedInput(null, 'UTC')).toBe('');
    expect(toZonedInput('not a date', 'UTC')).toBe('');
  });
});
