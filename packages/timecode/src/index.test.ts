import { describe, expect, it } from 'vitest';
import {
  formatMinutesSeconds,
  formatTimecode,
  parseCueTimestamp,
  parseTimecode,
  toMediaFragment,
  toVttTimestamp,
} from './index';

describe('timecodes', () => {
  it('formats m:ss under an hour and h:mm:ss past it', () => {
    expect(formatTimecode(0)).toBe('0:00');
    expect(formatTimecode(65_400)).toBe('1:05');
    expect(formatTimecode(3_725_000)).toBe('1:02:05');
    expect(formatTimecode(12_345, { withMs: true })).toBe('0:12.345');
  });

  it('parses m:ss, mm:ss, h:mm:ss and fractions; refuses nonsense', () => {
    expect(parseTimecode('1:05')).toBe(65_000);
    expect(parseTimecode('12:30')).toBe(750_000);
    expect(parseTimecode('1:02:05')).toBe(3_725_000);
    expect(parseTimecode('0:12.5')).toBe(12_500);
    expect(parseTimecode('45')).toBe(45_000);
    for (const bad of ['', 'abc', '1:60', '1:75:00', '-1:00', '1::00', '123']) {
      expect(parseTimecode(bad), bad).toBeUndefined();
    }
  });

  it('round-trips every whole second of a long lesson', () => {
    for (let ms = 0; ms < 2 * 3_600_000; ms += 7_001_000) {
      const whole = Math.floor(ms / 1000) * 1000;
      expect(parseTimecode(formatTimecode(whole))).toBe(whole);
    }
  });

  it('writes the mm:ss of coaching emails, minutes past 59 included', () => {
    expect(formatMinutesSeconds(754_000)).toBe('12:34');
    expect(formatMinutesSeconds(3_725_000)).toBe('62:05');
  });

  it('writes and reads WebVTT and SRT timestamps', () => {
    expect(toVttTimestamp(12_500)).toBe('00:00:12.500');
    expect(toVttTimestamp(3_725_001)).toBe('01:02:05.001');
    expect(parseCueTimestamp('00:00:12.500')).toBe(12_500);
    expect(parseCueTimestamp('01:02:05,001')).toBe(3_725_001);
    expect(parseCueTimestamp('02:05.250')).toBe(125_250);
    expect(parseCueTimestamp('00:61:00.000')).toBeUndefined();
  });

  it('writes media fragments in seconds', () => {
    expect(toMediaFragment(12_500, 40_000)).toBe('t=12.5,40');
    expect(toMediaFragment(3_000)).toBe('t=3');
  });
});
