/** Watched time as merged, sorted [start, end) millisecond intervals. */
export type Interval = [number, number];

export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter(([s, e]) => e > s)
    .map(([s, e]) => [s, e] as Interval)
    .sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** How many milliseconds of [from, to) the intervals cover. */
export function coveredMs(intervals: readonly Interval[], from: number, to: number): number {
  return mergeIntervals(intervals).reduce(
    (sum, [s, e]) => sum + Math.max(0, Math.min(e, to) - Math.max(s, from)),
    0,
  );
}
