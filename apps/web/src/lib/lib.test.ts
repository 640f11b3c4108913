import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateTime, formatDuration, todayIn } from './format-time';
import { linksIn, splitLinks } from './linkify';
import { safeNextPath } from './safe-next';
import { isListedTimeZone, timeZoneGroups } from './time-zones';

describe('splitLinks', () => {
  it('finds web links and leaves the sentence punctuation outside them', () => {
    const text = 'Choose here: https://x.test/invitation/abc_1-2. Or ask (https://x.test/help).';
    expect(splitLinks(text)).toEqual([
      { kind: 'text', text: 'Choose here: ' },
      { kind: 'link', href: 'https://x.test/invitation/abc_1-2' },
      { kind: 'text', text: '. Or ask (' },
      { kind: 'link', href: 'https://x.test/help' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('never makes a link of another scheme', () => {
    expect(linksIn('javascript:alert(1) data:text/html,hi ftp://x')).toEqual([]);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/admin/users?x=1', '/admin/users?x=1'],
    [null, '/'],
    ['https://evil.test/', '/'],
    ['//evil.test/', '/'],
    ['/\\evil.test', '/'],
    ['/sign-in?next=/x', '/'],
  ])('%s -> %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('time zones', () => {
  it('offers UTC first and the IANA zones by region', () => {
    const groups = timeZoneGroups();
    expect(groups[0]?.zones[0]?.id).toBe('UTC');
    expect(isListedTimeZone('Europe/Paris')).toBe(true);
    const america = groups.find((g) => g.region === 'America');
    expect(america?.zones.find((z) => z.id === 'America/New_York')?.label).toMatch(
      /^New York \(GMT-0[45]:00\)$/,
    );
  });

  it('formats a time in the viewer’s zone, not the machine’s', () => {
    const iso = '2026-03-03T13:05:00.000Z';
    expect(formatDateTime(iso, 'Asia/Tokyo')).toMatch(/\b(22|10):05\b/);
    expect(formatDateTime(iso, 'America/New_York')).toMatch(/\b0?8:05\b/);
  });
});

describe('lesson dates and lengths', () => {
  it('reads a date taught as a calendar date, the same day in every zone', () => {
    expect(formatCalendarDate('2026-03-03')).toMatch(/\b3\b/);
    expect(formatCalendarDate('2026-03-03')).not.toMatch(/\b2\b/);
    expect(formatCalendarDate('not a date')).toBe('not a date');
  });

  it('knows what day it is where the viewer is', () => {
    const instant = new Date('2026-03-03T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-03');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-03-04');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-03-03');
  });

  it('says how long a lesson is, keeping numbers with their units', () => {
    expect(formatDuration(45_000)).toBe('45\u00a0s');
    expect(formatDuration(47 * 60_000)).toBe('47\u00a0min');
    expect(formatDuration(62 * 60_000)).toBe('1\u00a0h\u00a02\u00a0min');
    expect(formatDuration(120 * 60_000)).toBe('2\u00a0h');
  });
});
