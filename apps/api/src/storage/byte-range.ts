import type { ByteRange } from './storage';
import { storageErrors } from './storage-errors';

/** A range resolved against an object's size: both ends inclusive and inside it. */
export interface ResolvedRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The bytes an HTTP `Range` header (RFC 9110 §14.1.2) asks for, given the object's size;
 * undefined means "send all of it" with 200. Headers it does not understand and
 * multi-range requests give undefined too, as on S3. Throws `range_not_satisfiable` (416)
 * when the range starts past the end.
 */
export function rangeFromHeader(
  header: string | undefined,
  size: number,
): ResolvedRange | undefined {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '') {
    if (to === '') return undefined;
    // `bytes=-N`: the last N bytes; N = 0 asks for nothing, which nothing satisfies.
    const length = Number(to);
    if (length === 0 || size === 0) throw storageErrors.rangeNotSatisfiable(size);
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(from);
  // Ends past any object mean "to the end"; starts past it are plainly unsatisfiable.
  const end = to === '' || !Number.isSafeInteger(Number(to)) ? undefined : Number(to);
  if (!Number.isSafeInteger(start)) throw storageErrors.rangeNotSatisfiable(size);
  if (end !== undefined && end < start) return undefined;
  return resolveRange({ start, end }, size);
}

/** Clamps a range to the object; throws `range_not_satisfiable` when it starts past the end. */
export function resolveRange(range: ByteRange, size: number): ResolvedRange {
  assertRange(range);
  if (range.start >= size) throw storageErrors.rangeNotSatisfiable(size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

/** Refuses ranges no object could satisfy the shape of (negative, or ending before start). */
export function assertRange(range: ByteRange): ByteRange {
  if (!Number.isSafeInteger(range.start) || range.start < 0) {
    throw storageErrors.invalidRequest('A range starts at a byte offset of 0 or more.');
  }
  if (range.end !== undefined && (!Number.isSafeInteger(range.end) || range.end < range.start)) {
    throw storageErrors.invalidRequest('A range ends at or after its start.');
  }
  return range;
}
