// Building an Intl formatter is slow compared with using one; tables format many rows.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // An unknown zone (an old browser's list) still shows a time rather than crashing.
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, format);
  }
  return format;
}

/** A date and time such as "3 Mar 2026, 14:05", in the given IANA time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A date such as "3 Mar 2026", in the given IANA time zone. */
export function formatDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(timeZone, { dateStyle: 'medium' }).format(date);
}

/**
 * A calendar date given as `YYYY-MM-DD` (a lesson's date taught), such as "3 Mar 2026". It is
 * a date, not an instant, so it reads the same in every time zone.
 */
export function formatCalendarDate(ymd: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return ymd;
  return formatDate(`${ymd}T00:00:00Z`, 'UTC');
}

/** Today as `YYYY-MM-DD` in the given IANA time zone (a date input's value). */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * A length such as "45 s", "47 min" or "1 h 2 min", with no-break spaces so a number never
 * ends a line without its unit.
 */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}\u00a0s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}\u00a0min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${rest}\u00a0min`;
}
