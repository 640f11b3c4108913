/**
 * Keeps playback inside a clip: the clip view asks on every frame while playing (and on
 * every seek) what to do, given where the media is. Pure, so it is tested without video.
 */
export interface ClipRange {
  startMs: number;
  endMs: number;
}

export type BoundsDecision =
  | { type: 'none' }
  /** Before the clip (or far past it): go to this time. */
  | { type: 'seek'; toMs: number }
  /** At or past the out-point while playing: stop, and rest exactly on the out-point. */
  | { type: 'pauseAt'; toMs: number };

/** Frames land a few ms either side of an exact time; closer than this counts as "at". */
export const BOUNDS_TOLERANCE_MS = 40;

export function enforceClipBounds(
  currentMs: number,
  clip: ClipRange,
  state: { paused: boolean },
): BoundsDecision {
  if (currentMs < clip.startMs - BOUNDS_TOLERANCE_MS) return { type: 'seek', toMs: clip.startMs };
  if (currentMs >= clip.endMs - BOUNDS_TOLERANCE_MS / 2) {
    if (!state.paused) return { type: 'pauseAt', toMs: clip.endMs };
    if (currentMs > clip.endMs + BOUNDS_TOLERANCE_MS) return { type: 'seek', toMs: clip.endMs };
  }
  return { type: 'none' };
}

/** Where pressing play starts: from the in-point when the clip already played to its end. */
export function playFrom(currentMs: number, clip: ClipRange): number {
  if (currentMs >= clip.endMs - BOUNDS_TOLERANCE_MS || currentMs < clip.startMs) {
    return clip.startMs;
  }
  return currentMs;
}

/** Any time, held inside the clip (seeks from the keyboard or the clip's timeline). */
export function clampToClip(ms: number, clip: ClipRange): number {
  return Math.min(clip.endMs, Math.max(clip.startMs, Math.round(ms)));
}
