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
