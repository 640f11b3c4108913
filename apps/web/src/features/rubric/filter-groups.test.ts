import { groupCodes, MQI_RUBRIC } from '@elevate/rubric';
import { describe, expect, it } from 'vitest';
import { countCodes, filterGroups, scalesOfGroup } from './filter-groups';

const groups = groupCodes(MQI_RUBRIC);

describe('filterGroups', () => {
  it('keeps every group for a blank query', () => {
    expect(filterGroups(MQI_RUBRIC, groups, '  ')).toHaveLength(groups.length);
  });

  it('matches ids and names case-insensitively and drops emptied groups', () => {
    const byId = filterGroups(MQI_RUBRIC, groups, 'stexpl');
    expect(byId.map((g) => g.id)).toEqual(['CCASP']);
    expect(byId[0]?.codes.map((c) => c.id)).toEqual(['STEXPL']);

    const byName = filterGroups(MQI_RUBRIC, groups, 'explanations');
    expect(byName.flatMap((g) => g.codes.map((c) => c.id))).toEqual(['EXPL', 'STEXPL']);
    expect(countCodes(byName)).toBe(2);
  });

  it('keeps rubric order inside a group', () => {
    const rich = filterGroups(MQI_RUBRIC, groups, 'o').find((g) => g.id === 'RICH');
    const order = groups.find((g) => g.id === 'RICH')?.codes.map((c) => c.id) ?? [];
    const ids = rich?.codes.map((c) => c.id) ?? [];
    expect(ids).toEqual(order.filter((id) => ids.includes(id)));
  });
});

describe('scalesOfGroup', () => {
  it('lists each scale a group uses once', () => {
    const err = groups.find((g) => g.id === 'ERR');
    expect(err && scalesOfGroup(MQI_RUBRIC, err).map((s) => s.direction)).toEqual([
      'higher-is-worse',
    ]);
  });
});
