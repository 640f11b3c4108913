import { describe, expect, it } from 'vitest';
import {
  clampMs,
  dragHandle,
  hitTest,
  MIN_RANGE_MS,
  moveRange,
  msToPercent,
  msToPx,
  pxToMs,
  snapMs,
  ticks,
  type View,
} from './geometry';

const lesson: View = { startMs: 0, endMs: 600_000, widthPx: 1200 }; // 10 min over 1200 px

describe('times and pixels', () => {
  it('maps times to pixels and back over the whole lesson', () => {
    expect(msToPx(0, lesson)).toBe(0);
    expect(msToPx(300_000, lesson)).toBe(600);
    expect(msToPx(600_000, lesson)).toBe(1200);
    expect(pxToMs(600, lesson)).toBe(300_000);
    for (const ms of [0, 1_000, 65_432, 599_999]) {
      expect(Math.abs(pxToMs(msToPx(ms, lesson), lesson) - ms)).toBeLessThanOrEqual(1);
    }
  });

  it('clamps to [0, duration]: times and pointers past either end stick to it', () => {
    expect(msToPx(-5_000, lesson)).toBe(0);
    expect(msToPx(700_000, lesson)).toBe(1200);
    expect(pxToMs(-40, lesson)).toBe(0);
    expect(pxToMs(5000, lesson)).toBe(600_000);
    expect(clampMs(-1, 0, 10)).toBe(0);
    expect(clampMs(10.6, 0, 20)).toBe(11);
  });

  it('works on a window of the media (the clip view) and on nothing at all', () => {
    const clip: View = { startMs: 60_000, endMs: 120_000, widthPx: 600 };
    expect(msToPx(90_000, clip)).toBe(300);
    expect(pxToMs(0, clip)).toBe(60_000);
    expect(msToPercent(90_000, clip)).toBe(50);
    expect(msToPx(10, { startMs: 0, endMs: 0, widthPx: 100 })).toBe(0);
    expect(pxToMs(10, { startMs: 0, endMs: 1000, widthPx: 0 })).toBe(0);
  });

  it('snaps to a nearby target first, else to the step grid', () => {
    expect(snapMs(10_400, { stepMs: 1000 })).toBe(10_000);
    expect(snapMs(10_400, { stepMs: 1000, targets: [10_450], thresholdMs: 100 })).toBe(10_450);
    expect(snapMs(10_400, { stepMs: 1000, targets: [11_000], thresholdMs: 100 })).toBe(10_000);
    expect(snapMs(10_400, { targets: [10_300, 10_450], thresholdMs: 200 })).toBe(10_450);
  });

  it('spaces ruler ticks on nice steps at least 80 px apart', () => {
    const marks = ticks(lesson);
    expect(marks[0]).toBe(0);
    expect(marks[1]).toBe(60_000); // 10 min over 1200 px: 1 min = 120 px
    expect(ticks({ startMs: 0, endMs: 12_000, widthPx: 800 })[1]).toBe(5_000);
  });
});

describe('dragging a clip handle', () => {
  const clip = { startMs: 60_000, endMs: 360_000 };
  const limits = { durationMs: 600_000 };

  it('moves the in-point or the out-point alone', () => {
    expect(dragHandle(clip, 'start', 30_000, limits)).toEqual({ startMs: 30_000, endMs: 360_000 });
    expect(dragHandle(clip, 'end', 400_000, limits)).toEqual({ startMs: 60_000, endMs: 400_000 });
  });

  it('never crosses the other handle and keeps the minimum length', () => {
    expect(dragHandle(clip, 'start', 500_000, limits)).toEqual({
      startMs: 360_000 - MIN_RANGE_MS,
      endMs: 360_000,
    });
    expect(dragHandle(clip, 'end', 0, limits)).toEqual({
      startMs: 60_000,
      endMs: 60_000 + MIN_RANGE_MS,
    });
    expect(dragHandle(clip, 'end', 0, { ...limits, minLengthMs: 5_000 }).endMs).toBe(65_000);
  });

  it('stays within the lesson', () => {
    expect(dragHandle(clip, 'start', -10_000, limits).startMs).toBe(0);
    expect(dragHandle(clip, 'end', 900_000, limits).endMs).toBe(600_000);
  });

  it('slides a whole band without changing its length or leaving the lesson', () => {
    expect(moveRange(clip, 10_000, 600_000)).toEqual({ startMs: 70_000, endMs: 370_000 });
    expect(moveRange(clip, 1_000_000, 600_000)).toEqual({ startMs: 300_000, endMs: 600_000 });
    expect(moveRange(clip, -1_000_000, 600_000)).toEqual({ startMs: 0, endMs: 300_000 });
  });
});

describe('what a pointer grabs', () => {
  const clip = { startMs: 60_000, endMs: 360_000 }; // 120 px to 720 px

  it('takes a handle within the 22 px slop, the band between, nothing outside', () => {
    expect(hitTest(125, clip, lesson)).toBe('start');
    expect(hitTest(100, clip, lesson)).toBe('start');
    expect(hitTest(735, clip, lesson)).toBe('end');
    expect(hitTest(400, clip, lesson)).toBe('band');
    expect(hitTest(50, clip, lesson)).toBeNull();
    expect(hitTest(800, clip, lesson)).toBeNull();
  });

  it('gives the nearer handle when a short clip puts both within reach', () => {
    const short = { startMs: 60_000, endMs: 70_000 }; // 120 px to 140 px
    expect(hitTest(118, short, lesson)).toBe('start');
    expect(hitTest(135, short, lesson)).toBe('end');
    expect(hitTest(150, short, lesson)).toBe('end');
  });
});
