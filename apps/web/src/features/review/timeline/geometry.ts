/**
 * Pure timeline geometry: media times (integer ms) to pixels and back, clamping, snapping,
 * dragging a clip's handles, and deciding what a pointer touched. The timeline component
 * measures itself and asks these; nothing here touches the DOM.
 */

/** The stretch of media the timeline shows, drawn across `widthPx` pixels. */
export interface View {
  startMs: number;
  endMs: number;
  widthPx: number;
}

export interface Range {
  startMs: number;
  endMs: number;
}

export type Handle = 'start' | 'end';

/** A clip is never shorter than a second: a band any thinner cannot be grabbed. */
export const MIN_RANGE_MS = 1000;
/** Half the 44 px touch target of a handle. */
export const HANDLE_SLOP_PX = 22;

export function clampMs(ms: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, Math.max(minMs, Math.round(ms)));
}

/** A time's offset in pixels; times outside the view stick to its edges. */
export function msToPx(ms: number, view: View): number {
  const span = view.endMs - view.startMs;
  if (span <= 0 || view.widthPx <= 0) return 0;
  return ((clampMs(ms, view.startMs, view.endMs) - view.startMs) / span) * view.widthPx;
}

/** The time under a pixel offset, clamped to the view and rounded to whole milliseconds. */
export function pxToMs(px: number, view: View): number {
  const span = view.endMs - view.startMs;
  if (span <= 0 || view.widthPx <= 0) return view.startMs;
  const ratio = Math.min(1, Math.max(0, px / view.widthPx));
  return Math.round(view.startMs + ratio * span);
}

/** A time as a percentage of the view, for CSS positions that follow the element's width. */
export function msToPercent(ms: number, view: Pick<View, 'startMs' | 'endMs'>): number {
  const span = view.endMs - view.startMs;
  if (span <= 0) return 0;
  return ((clampMs(ms, view.startMs, view.endMs) - view.startMs) / span) * 100;
}

/**
 * Snaps to the nearest target (the playhead, another clip's edge) when one is within
 * `thresholdMs`, otherwise to the step grid (whole seconds while dragging, say).
 */
export function snapMs(
  ms: number,
  options: { stepMs?: number; targets?: readonly number[]; thresholdMs?: number } = {},
): number {
  const { stepMs = 1, targets = [], thresholdMs = 0 } = options;
  let best: number | undefined;
  for (const target of targets) {
    const distance = Math.abs(target - ms);
    if (distance <= thresholdMs && (best === undefined || distance < Math.abs(best - ms))) {
      best = target;
    }
  }
  if (best !== undefined) return Math.round(best);
  return Math.round(Math.round(ms / stepMs) * stepMs);
}

/**
 * Moves one handle of a range to `toMs`. The handles never cross and the range never gets
 * shorter than `minLengthMs`; both stay within [0, durationMs].
 */
export function dragHandle(
  range: Range,
  handle: Handle,
  toMs: number,
  limits: { durationMs: number; minLengthMs?: number },
): Range {
  const min = Math.min(limits.minLengthMs ?? MIN_RANGE_MS, limits.durationMs);
  if (handle === 'start') {
    return { startMs: clampMs(toMs, 0, range.endMs - min), endMs: range.endMs };
  }
  return { startMs: range.startMs, endMs: clampMs(toMs, range.startMs + min, limits.durationMs) };
}

/** Slides a whole range by `deltaMs`, keeping its length and staying within the media. */
export function moveRange(range: Range, deltaMs: number, durationMs: number): Range {
  const length = range.endMs - range.startMs;
  const startMs = clampMs(range.startMs + deltaMs, 0, Math.max(0, durationMs - length));
  return { startMs, endMs: startMs + length };
}

/**
 * What a pointer at `px` grabs on a clip band: the nearer handle within the touch slop
 * (so a short clip's handles stay reachable), else the band body, else nothing.
 */
export function hitTest(
  px: number,
  range: Range,
  view: View,
  slopPx = HANDLE_SLOP_PX,
): Handle | 'band' | null {
  const startPx = msToPx(range.startMs, view);
  const endPx = msToPx(range.endMs, view);
  const toStart = Math.abs(px - startPx);
  const toEnd = Math.abs(px - endPx);
  if (toStart <= slopPx || toEnd <= slopPx) {
    if (toStart === toEnd) return px < startPx ? 'start' : px > endPx ? 'end' : 'end';
    return toStart < toEnd ? 'start' : 'end';
  }
  return px > startPx && px < endPx ? 'band' : null;
}

const NICE_STEPS_MS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/** The ruler's tick spacing: the smallest "nice" step that keeps labels `minGapPx` apart. */
export function tickStepMs(view: View, minGapPx = 80): number {
  const span = view.endMs - view.startMs;
  if (span <= 0 || view.widthPx <= 0) return NICE_STEPS_MS.at(-1) as number;
  const perPx = span / view.widthPx;
  return NICE_STEPS_MS.find((step) => step / perPx >= minGapPx) ?? (NICE_STEPS_MS.at(-1) as number);
}

/** The tick times of the ruler, from the first multiple of the step inside the view. */
export function ticks(view: View, minGapPx = 80): number[] {
  const step = tickStepMs(view, minGapPx);
  const out: number[] = [];
  for (let t = Math.ceil(view.startMs / step) * step; t <= view.endMs; t += step) out.push(t);
  return out;
}
