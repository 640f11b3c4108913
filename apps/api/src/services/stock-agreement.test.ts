import { describe, expect, it } from 'vitest';
import { addToTally, compareWithMaster, emptyTally, levelProblems } from './stock-agreement';

describe('compareWithMaster', () => {
  it('counts levels apart: exact, adjacent, off', () => {
    expect(compareWithMaster('STEXPL', 'mid', 'mid')).toEqual({
      kind: 'exact',
      distance: 0,
      qualityDelta: 0,
    });
    expect(compareWithMaster('STEXPL', 'high', 'mid')).toMatchObject({
      kind: 'adjacent',
      qualityDelta: 1,
    });
    expect(compareWithMaster('STEXPL', 'not-present', 'mid')).toMatchObject({
      kind: 'off',
      distance: 2,
      qualityDelta: -2,
    });
  });

  it('honours the inverted Errors and Imprecision scale: a higher level is lower quality', () => {
    // The teacher saw more errors (high) than the masters (mid): they judged the quality lower.
    expect(compareWithMaster('MAJERR', 'high', 'mid')).toEqual({
      kind: 'adjacent',
      distance: 1,
      qualityDelta: -1,
    });
    expect(compareWithMaster('OERR', 'not-present', 'high')).toEqual({
      kind: 'off',
      distance: 3,
      qualityDelta: 3,
    });
    expect(compareWithMaster('LANGIMP', 'low', 'low')).toMatchObject({
      kind: 'exact',
      qualityDelta: 0,
    });
  });

  it('compares nothing when a side is missing or not a level of the code', () => {
    expect(compareWithMaster('STEXPL', undefined, 'mid')).toBeNull();
    expect(compareWithMaster('STEXPL', 'mid', undefined)).toBeNull();
    expect(compareWithMaster('STEXPL', 'mid-high', 'mid')).toBeNull();
    expect(compareWithMaster('NOPE', 'mid', 'mid')).toBeNull();
  });

  it('tallies kinds and skips what could not be compared', () => {
    const tally = emptyTally();
    for (const [t, m] of [
      ['mid', 'mid'],
      ['low', 'mid'],
      ['high', 'not-present'],
      ['mid', undefined],
    ] as const) {
      addToTally(tally, compareWithMaster('SMQR', t, m));
    }
    expect(tally).toEqual({ exact: 1, adjacent: 1, off: 1, compared: 3 });
  });
});

describe('levelProblems', () => {
  it('names unknown codes, levels off the scale and codes given twice, by JSON path', () => {
    const problems = levelProblems(
      [
        { codeId: 'STEXPL', level: 'mid' },
        { codeId: 'STEXPL', level: 'low' },
        { codeId: 'XX', level: 'mid' },
        { codeId: 'SMQR', level: 'yes' },
      ],
      '$.scores',
    );
    expect(problems.map((p) => p.path)).toEqual([
      '$.scores[1].codeId',
      '$.scores[2].codeId',
      '$.scores[3].level',
    ]);
  });
});
