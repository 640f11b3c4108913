/*
 * How an upload's numbers read in the panel. Sizes use 1024-byte units labelled KB, MB and
 * GB, as the API's own limit messages do, so "8 GB" means the same on both sides.
 */

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** "0 B", "512 B", "950 KB", "12.4 MB", "128 MB", "1.25 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < KB) return `${Math.round(bytes)} B`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  if (bytes < GB) {
    const mb = bytes / MB;
    return `${mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
  }
  return `${(bytes / GB).toFixed(2)} GB`;
}

/** "1.2 MB/s"; null while there is no estimate yet. */
export function formatSpeed(bytesPerSecond: number | null): string | null {
  if (bytesPerSecond === null || !Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) {
    return null;
  }
  return `${formatBytes(bytesPerSecond)}/s`;
}

/**
 * A rounded, calm estimate: "less than 10 s left", "about 40 s left", "about 3 min left",
 * "about 1 h 5 min left". Null when there is no estimate yet.
 */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 10) return 'less than 10 s left';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/**
 * Whole percent sent, rounded down so the bar reads 100 only when every byte is there
 * (a 99.6% upload still has a part to finish).
 */
export function percentOf(sent: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((sent / total) * 100)));
}

/** "12.4 MB of 96.0 MB". */
export function formatProgress(sent: number, total: number): string {
  return `${formatBytes(Math.min(sent, total))} of ${formatBytes(total)}`;
}
