/**
 * Media times are integer milliseconds everywhere; these convert at the edges:
 * what people type and read (`m:ss`, `h:mm:ss`), WebVTT (`00:00:12.500`) and media
 * fragments (`#t=12.5,40`).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `m:ss` under an hour, `h:mm:ss` from an hour on; `withMs` adds `.mmm`. */
export function formatTimecode(ms: number, options: { withMs?: boolean } = {}): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const fraction = options.withMs ? `.${pad(total % 1000, 3)}` : '';
  return hours > 0
    ? `${hours}:${pad(minutes)}:${pad(seconds)}${fraction}`
    : `${minutes}:${pad(seconds)}${fraction}`;
}

/** `mm:ss` as the coaching emails write clip times (minutes may pass 59). */
export function formatMinutesSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/**
 * Reads `ss`, `m:ss`, `mm:ss`, `h:mm:ss`, each with optional `.fff`; undefined when the
 * text is not a timecode (seconds and minutes past the hour must be under 60).
 */
export function parseTimecode(text: string): number | undefined {
  const match = /^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:\.(\d{1,3}))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s, f] = match;
  const hours = Number(h ?? 0);
  const minutes = Number(m ?? 0);
  const seconds = Number(s);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return undefined;
  if (m === undefined && h === undefined && text.trim().length > 2) return undefined;
  const millis = f ? Number(f.padEnd(3, '0')) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** `hh:mm:ss.mmm`, as WebVTT cue timings require. */
export function toVttTimestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  return `${pad(hours)}:${pad(Math.floor((total % 3_600_000) / 60_000))}:${pad(Math.floor((total % 60_000) / 1000))}.${pad(total % 1000, 3)}`;
}

/** Reads a WebVTT (`.`) or SRT (`,`) timestamp, hours optional; undefined when malformed. */
export function parseCueTimestamp(text: string): number | undefined {
  const match = /^(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})$/.exec(text.trim());
  if (!match) return undefined;
  const [, h, m, s, f] = match;
  if (Number(m) >= 60 || Number(s) >= 60) return undefined;
  return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);
}

/** `t=12.5,40` (seconds), the W3C media fragment for a range; a point has no end. */
export function toMediaFragment(startMs: number, endMs?: number | null): string {
  const sec = (ms: number) => String(Math.round(ms) / 1000);
  return endMs == null ? `t=${sec(startMs)}` : `t=${sec(startMs)},${sec(endMs)}`;
}
