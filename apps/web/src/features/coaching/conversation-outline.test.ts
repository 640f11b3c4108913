import { describe, expect, it } from 'vitest';
import { CONVERSATION_OUTLINE, stepAt } from './conversation-outline';

const min = (m: number) => m * 60_000;

describe('the 60-minute outline', () => {
  it('has the nine steps of the program, adding up to an hour', () => {
    expect(CONVERSATION_OUTLINE.map((s) => s.minutes)).toEqual([3, 2, 10, 4, 2, 10, 12, 5, 12]);
    expect(stepAt(0).totalMs).toBe(min(60));
  });

  it('says which step you should be on and how long is left', () => {
    expect(stepAt(0)).toMatchObject({ index: 0, remainingMs: min(3), overMs: 0 });
    expect(stepAt(min(3))).toMatchObject({ index: 1, remainingMs: min(2) });
    expect(stepAt(min(14.5))).toMatchObject({ index: 2, remainingMs: min(0.5) });
    expect(stepAt(min(59))).toMatchObject({ index: 8, remainingMs: min(1) });
  });

  it('shows time over once the hour is up', () => {
    expect(stepAt(min(60))).toMatchObject({ index: 8, remainingMs: 0, overMs: 0 });
    expect(stepAt(min(65))).toMatchObject({ index: 8, remainingMs: 0, overMs: min(5) });
  });
});
