import { describe, expect, it } from 'vitest';
import { EMPTY_WATCH, flush, mergeIntervals, observe, totalMs, type WatchState } from './intervals';

describe('merging watched intervals', () => {
  it('sorts, joins overlapping and touching spans, drops empty ones', () => {
    expect(
      mergeIntervals([
        [5_000, 8_000],
        [0, 2_000],
        [1_500, 3_000],
        [8_000, 9_000],
        [10_000, 10_000],
        [12_000, 11_000],
      ]),
    ).toEqual([
      [0, 3_000],
      [5_000, 9_000],
    ]);
    expect(
      mergeIntervals([
        [0, 10_000],
        [2_000, 3_000],
      ]),
    ).toEqual([[0, 10_000]]);
    expect(mergeIntervals([])).toEqual([]);
    expect(
      totalMs([
        [0, 1_000],
        [500, 2_000],
        [5_000, 6_000],
      ]),
    ).toBe(3_000);
  });

  it('rounds to whole milliseconds, as the API wants', () => {
    expect(mergeIntervals([[0.4, 1000.6]])).toEqual([[0, 1001]]);
  });
});

describe('turning playback into watched spans', () => {
  const play = (state: WatchState, ...times: number[]) =>
    times.reduce((s, ms) => observe(s, { ms, playing: true }), state);

  it('counts continuous playback, sent in pieces that continue each other', () => {
    let state = play(EMPTY_WATCH, 60_000, 60_250, 60_500, 61_000);
    const first = flush(state);
    expect(first.intervals).toEqual([[60_000, 61_000]]);
    state = play(first.state, 61_250, 62_000);
    expect(flush(state).intervals).toEqual([[61_000, 62_000]]);
  });

  it('does not count a seek or a jump as watched', () => {
    const state = play(EMPTY_WATCH, 10_000, 10_250, 10_500, 90_000, 90_250);
    expect(flush(state).intervals).toEqual([
      [10_000, 10_500],
      [90_000, 90_250],
    ]);
    const back = play(EMPTY_WATCH, 30_000, 30_500, 20_000, 20_500);
    expect(flush(back).intervals).toEqual([
      [20_000, 20_500],
      [30_000, 30_500],
    ]);
  });

  it('ends a span at a pause and counts nothing while paused', () => {
    let state = play(EMPTY_WATCH, 0, 250, 500);
    state = observe(state, { ms: 500, playing: false });
    state = observe(state, { ms: 40_000, playing: false });
    expect(state.open).toBeNull();
    const { intervals, state: after } = flush(state);
    expect(intervals).toEqual([[0, 500]]);
    expect(flush(after).intervals).toEqual([]);
  });
});
