/**
 * Watched time as sorted, merged [start, end) millisecond intervals, and a small state
 * machine that turns playback samples into the spans actually watched: a seek, a pause or
 * a jump ends a span, so skipping through a clip does not count as watching it.
 */
export type Interval = [number, number];

export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter(([start, end]) => end > start)
    .map(([start, end]) => [Math.round(start), Math.round(end)] as Interval)
    .sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function totalMs(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((sum, [start, end]) => sum + (end - start), 0);
}

/**
 * The largest step between two samples that still counts as watching straight through:
 * timeupdate fires every 250 ms or so, at up to 2x speed, with some slack for a busy tab.
 */
export const MAX_STEP_MS = 1500;

export interface WatchState {
  /** The span being watched now: from where playback started to the latest sample. */
  open: { startMs: number; lastMs: number } | null;
  /** Finished spans not yet sent. */
  done: Interval[];
}

export const EMPTY_WATCH: WatchState = { open: null, done: [] };

function close(state: WatchState): Interval[] {
  const { open } = state;
  return open && open.lastMs > open.startMs
    ? [...state.done, [open.startMs, open.lastMs]]
    : state.done;
}

/** Takes one playback sample: where the media is and whether it is playing. */
export function observe(state: WatchState, sample: { ms: number; playing: boolean }): WatchState {
  if (!sample.playing) return { open: null, done: close(state) };
  const { open } = state;
  const step = open ? sample.ms - open.lastMs : -1;
  if (open && step >= 0 && step <= MAX_STEP_MS) {
    return { open: { startMs: open.startMs, lastMs: sample.ms }, done: state.done };
  }
  // A first sample, a seek or a jump: what came before ends here.
  return { open: { startMs: sample.ms, lastMs: sample.ms }, done: close(state) };
}

/**
 * Everything watched since the last flush, merged, and the state to carry on with (a span
 * still playing continues from where this flush cut it).
 */
export function flush(state: WatchState): { intervals: Interval[]; state: WatchState } {
  const intervals = mergeIntervals(close(state));
  const open = state.open ? { startMs: state.open.lastMs, lastMs: state.open.lastMs } : null;
  return { intervals, state: { open, done: [] } };
}
