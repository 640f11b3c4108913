/**
 * The clip rules the API applies too, checked in the form first so mistakes show at once:
 * 0 <= start < end <= duration. A clip far from the usual five minutes is allowed, with a hint.
 */
export const USUAL_CLIP_MS = 5 * 60_000;
/** How far from five minutes a clip may be before the hint shows (the API's own margin). */
export const HINT_MARGIN_MS = 3 * 60_000;

export interface ClipProblems {
  startMs?: string;
  endMs?: string;
}

export function clipProblems(
  startMs: number | undefined,
  endMs: number | undefined,
  durationMs: number,
): ClipProblems {
  const problems: ClipProblems = {};
  if (startMs === undefined) problems.startMs = 'Type a time such as 1:05, 12:30 or 1:02:05.';
  else if (startMs < 0) problems.startMs = 'Must be 0:00 or later.';
  else if (startMs >= durationMs) problems.startMs = 'Must be before the end of the lesson.';
  if (endMs === undefined) problems.endMs = 'Type a time such as 1:05, 12:30 or 1:02:05.';
  else if (endMs > durationMs) problems.endMs = 'Must be at or before the end of the lesson.';
  else if (startMs !== undefined && endMs <= startMs) problems.endMs = 'Must be after the start.';
  return problems;
}

export function hasProblems(problems: ClipProblems): boolean {
  return problems.startMs !== undefined || problems.endMs !== undefined;
}

/** The hint for an unusual length, or null for a clip of about five minutes. */
export function lengthHint(startMs: number, endMs: number): string | null {
  const length = endMs - startMs;
  if (length <= 0 || Math.abs(length - USUAL_CLIP_MS) <= HINT_MARGIN_MS) return null;
  const minutes = length / 60_000;
  const said = minutes < 1 ? `${Math.round(length / 1000)} s` : `${Math.round(minutes)} min`;
  return `This clip is ${said}; clips are usually about 5 min. That is fine if the moment needs it.`;
}

/**
 * The range a mark at the playhead makes. An in-point with no (or an earlier) out-point
 * gets one five minutes on; an out-point with no in-point gets one five minutes before.
 */
export function markAt(
  which: 'in' | 'out',
  atMs: number,
  current: { startMs: number; endMs: number } | null,
  durationMs: number,
): { startMs: number; endMs: number } {
  const at = Math.min(durationMs, Math.max(0, Math.round(atMs)));
  if (which === 'in') {
    const startMs = Math.min(at, Math.max(0, durationMs - 1000));
    const endMs =
      current && current.endMs > startMs
        ? current.endMs
        : Math.min(durationMs, startMs + USUAL_CLIP_MS);
    return { startMs, endMs };
  }
  const endMs = Math.max(at, Math.min(1000, durationMs));
  const startMs =
    current && current.startMs < endMs ? current.startMs : Math.max(0, endMs - USUAL_CLIP_MS);
  return { startMs, endMs };
}
