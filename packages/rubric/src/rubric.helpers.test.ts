import { describe, expect, it } from 'vitest';
import { MQI_RUBRIC as mqi } from './mqi';
import {
  agreement,
  codeLabel,
  codesByDomain,
  compareLevels,
  findCode,
  findDomain,
  getCode,
  groupCodes,
  levelIndex,
  levelLabel,
  scaleOf,
  searchCodes,
} from './rubric.helpers';

describe('lookups', () => {
  it('finds codes and domains, or returns undefined', () => {
    expect(findCode(mqi, 'TCD')?.name).toBe('Task Cognitive Demand');
    expect(findCode(mqi, 'tcd')).toBeUndefined();
    expect(findDomain(mqi, 'ERR')?.name).toBe('Errors and Imprecision');
    expect(findDomain(mqi, 'NOPE')).toBeUndefined();
  });

  it('getCode throws a clear error on an unknown id', () => {
    expect(getCode(mqi, 'SMQR').domainId).toBe('CCASP');
    expect(() => getCode(mqi, 'NOPE')).toThrow('Unknown code "NOPE" in rubric "mqi-4pt"');
  });

  it('lists the codes of a domain in rubric order', () => {
    expect(codesByDomain(mqi, 'WWSM').map((c) => c.id)).toEqual(['REMED', 'USEPROD', 'OWWS']);
    expect(codesByDomain(mqi, 'NOPE')).toEqual([]);
  });

  it('groups domains in order, then the gate, then whole-lesson codes', () => {
    const groups = groupCodes(mqi);
    expect(groups.map((g) => [g.kind, g.id, g.codes.length])).toEqual([
      ['domain', 'RICH', 7],
      ['domain', 'WWSM', 3],
      ['domain', 'ERR', 4],
      ['domain', 'CCASP', 6],
      ['gate', 'gate', 1],
      ['whole-lesson', 'whole-lesson', 10],
    ]);
    expect(groups[4]?.codes[0]?.id).toBe('CWCM');
    expect(groups[5]?.codes.at(-1)?.id).toBe('WL-MQI');
  });

  it('gives the scale of a code, by id or by code', () => {
    expect(scaleOf(mqi, 'LCP').id).toBe('mqi-segment-errors');
    expect(scaleOf(mqi, getCode(mqi, 'CWCM')).id).toBe('mqi-gate');
    expect(() => scaleOf(mqi, 'NOPE')).toThrow('Unknown code "NOPE"');
  });
});

describe('levels', () => {
  const segment = scaleOf(mqi, 'TCD');

  it('indexes levels from lowest to highest, -1 when unknown', () => {
    expect(['not-present', 'low', 'mid', 'high'].map((id) => levelIndex(segment, id))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(levelIndex(segment, 'mid-high')).toBe(-1);
  });

  it('compares levels in scale order and sorts with it', () => {
    expect(compareLevels(segment, 'low', 'high')).toBe(-1);
    expect(compareLevels(segment, 'high', 'not-present')).toBe(1);
    expect(compareLevels(segment, 'mid', 'mid')).toBe(0);
    expect(['high', 'not-present', 'mid'].sort((a, b) => compareLevels(segment, a, b))).toEqual([
      'not-present',
      'mid',
      'high',
    ]);
    expect(() => compareLevels(segment, 'low', 'huge')).toThrow('Unknown level "huge"');
  });
});

describe('agreement', () => {
  it('reports exact, adjacent and off with the distance', () => {
    expect(agreement(mqi, 'TCD', 'mid', 'mid')).toEqual({
      kind: 'exact',
      distance: 0,
      qualityDelta: 0,
    });
    expect(agreement(mqi, 'TCD', 'high', 'mid')).toEqual({
      kind: 'adjacent',
      distance: 1,
      qualityDelta: 1,
    });
    expect(agreement(mqi, 'TCD', 'not-present', 'high')).toEqual({
      kind: 'off',
      distance: 3,
      qualityDelta: -3,
    });
  });

  it('flips the quality sign on the inverted ERR scale', () => {
    // A scored High errors, B Low: A judged the quality LOWER than B.
    expect(agreement(mqi, 'MAJERR', 'high', 'low')).toEqual({
      kind: 'off',
      distance: 2,
      qualityDelta: -2,
    });
    expect(agreement(mqi, 'OERR', 'not-present', 'low').qualityDelta).toBe(1);
    expect(Object.is(agreement(mqi, 'LCP', 'mid', 'mid').qualityDelta, 0)).toBe(true);
  });

  it('works on the whole-lesson and gate scales', () => {
    expect(agreement(mqi, 'WL-MQI', 'mid-high', 'low-mid')).toEqual({
      kind: 'off',
      distance: 2,
      qualityDelta: 2,
    });
    expect(agreement(mqi, 'CWCM', 'no', 'yes').kind).toBe('adjacent');
  });

  it('throws on unknown code or level ids', () => {
    expect(() => agreement(mqi, 'NOPE', 'low', 'mid')).toThrow('Unknown code "NOPE"');
    expect(() => agreement(mqi, 'TCD', 'low', 'mid-high')).toThrow(
      'Unknown level "mid-high" on scale "mqi-segment"',
    );
    expect(() => agreement(mqi, 'CWCM', 'maybe', 'yes')).toThrow('Unknown level "maybe"');
  });
});

describe('labels and search', () => {
  it('labels codes and levels', () => {
    expect(codeLabel(mqi, 'STEXPL')).toBe('STEXPL · Students Provide Explanations');
    expect(levelLabel(mqi, 'STEXPL', 'not-present')).toBe('Not Present');
    expect(levelLabel(mqi, 'WL-ENGAGE', 'mid-high')).toBe('Mid-High');
    expect(levelLabel(mqi, 'CWCM', 'yes')).toBe('Yes');
    expect(() => levelLabel(mqi, 'CWCM', 'high')).toThrow('Unknown level "high"');
    expect(() => codeLabel(mqi, 'NOPE')).toThrow('Unknown code "NOPE"');
  });

  it('searches ids and names case-insensitively, exact and prefix ids first', () => {
    expect(searchCodes(mqi, 'tcd').map((c) => c.id)).toEqual(['TCD']);
    expect(searchCodes(mqi, 'explanations').map((c) => c.id)).toEqual(['EXPL', 'STEXPL']);
    expect(searchCodes(mqi, 'EXPL').map((c) => c.id)).toEqual(['EXPL', 'STEXPL']);
    // Ids starting with the query come first, then name matches in rubric order.
    expect(
      searchCodes(mqi, 'st')
        .map((c) => c.id)
        .slice(0, 3),
    ).toEqual(['STEXPL', 'STUCOM', 'REMED']);
    expect(searchCodes(mqi, 'zzz')).toEqual([]);
    expect(searchCodes(mqi, '  ')).toHaveLength(31);
  });
});
