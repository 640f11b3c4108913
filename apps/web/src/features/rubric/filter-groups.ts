import { type CodeGroup, type Rubric, type Scale, scaleOf, searchCodes } from '@elevate/rubric';

/**
 * The groups narrowed to codes whose id or name matches the query, keeping rubric order inside
 * each group and dropping groups left empty. A blank query keeps everything.
 */
export function filterGroups(
  rubric: Rubric,
  groups: readonly CodeGroup[],
  query: string,
): CodeGroup[] {
  if (query.trim() === '') return [...groups];
  const matching = new Set(searchCodes(rubric, query).map((code) => code.id));
  return groups
    .map((group) => ({ ...group, codes: group.codes.filter((code) => matching.has(code.id)) }))
    .filter((group) => group.codes.length > 0);
}

/** The distinct scales a group's codes are scored on, in first-use order. */
export function scalesOfGroup(rubric: Rubric, group: CodeGroup): Scale[] {
  const scales = new Map<string, Scale>();
  for (const code of group.codes) {
    const scale = scaleOf(rubric, code);
    scales.set(scale.id, scale);
  }
  return [...scales.values()];
}

/** How many codes the groups hold in all. */
export function countCodes(groups: readonly CodeGroup[]): number {
  return groups.reduce((total, group) => total + group.codes.length, 0);
}
