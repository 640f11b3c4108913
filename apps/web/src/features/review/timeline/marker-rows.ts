/**
 * Range annotations that overlap are drawn on separate rows, so each bar stays visible:
 * greedy interval partitioning in time order, capped at `maxRows` (extra ones share the
 * last row). Returns the row of each range, in input order.
 */
export function assignRows(
  ranges: ReadonlyArray<{ startMs: number; endMs: number }>,
  maxRows = 3,
): number[] {
  const order = ranges
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = ranges[a] as { startMs: number };
      const rb = ranges[b] as { startMs: number };
      return ra.startMs - rb.startMs;
    });
  const rowEnds: number[] = [];
  const rows = new Array<number>(ranges.length).fill(0);
  for (const index of order) {
    const range = ranges[index] as { startMs: number; endMs: number };
    let row = rowEnds.findIndex((end) => end <= range.startMs);
    if (row === -1) row = rowEnds.length < maxRows ? rowEnds.length : maxRows - 1;
    rowEnds[row] = Math.max(rowEnds[row] ?? 0, range.endMs);
    rows[index] = row;
  }
  return rows;
}
