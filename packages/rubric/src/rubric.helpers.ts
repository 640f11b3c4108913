import {
  CODE_KINDS,
  type Code,
  type Domain,
  type Level,
  type Rubric,
  SCALE_DIRECTIONS,
  type Scale,
} from './rubric.schema';

/** The code with this id, or `undefined` when the rubric has none. */
export function findCode(rubric: Rubric, id: string): Code | undefined {
  return rubric.codes.find((code) => code.id === id);
}

/** The code with this id; throws when the rubric has none (use where the id must exist). */
export function getCode(rubric: Rubric, id: string): Code {
  const code = findCode(rubric, id);
  if (!code) throw new Error(`Unknown code "${id}" in rubric "${rubric.id}"`);
  return code;
}

/** The domain with this id, or `undefined`. */
export function findDomain(rubric: Rubric, id: string): Domain | undefined {
  return rubric.domains.find((domain) => domain.id === id);
}

/** The scale with this id, or `undefined`. */
export function findScale(rubric: Rubric, id: string): Scale | undefined {
  return rubric.scales.find((scale) => scale.id === id);
}

/** The codes of one domain, in rubric order (its overall code included). */
export function codesByDomain(rubric: Rubric, domainId: string): Code[] {
  return rubric.codes.filter((code) => code.domainId === domainId);
}

/** A heading and its codes, as shown in a code picker or rubric browser. */
export type CodeGroup =
  | { kind: 'domain'; id: string; name: string; domain: Domain; codes: Code[] }
  | { kind: 'gate' | 'whole-lesson'; id: string; name: string; codes: Code[] };

/**
 * The rubric's codes grouped for display: each domain in order with its codes, then the
 * gate codes, then the whole-lesson codes (those two groups only when non-empty).
 */
export function groupCodes(rubric: Rubric): CodeGroup[] {
  const ofKind = (kind: string) => rubric.codes.filter((code) => code.kind === kind);
  const groups: CodeGroup[] = rubric.domains.map((domain) => ({
    kind: 'domain',
    id: domain.id,
    name: domain.name,
    domain,
    codes: codesByDomain(rubric, domain.id),
  }));
  const gates = ofKind(CODE_KINDS.gate);
  if (gates.length > 0) groups.push({ kind: 'gate', id: 'gate', name: 'Gate', codes: gates });
  const lesson = ofKind(CODE_KINDS.wholeLesson);
  if (lesson.length > 0) {
    groups.push({ kind: 'whole-lesson', id: 'whole-lesson', name: 'Whole lesson', codes: lesson });
  }
  return groups;
}

/** The scale a code is scored on; throws on an unknown code or scale. */
export function scaleOf(rubric: Rubric, codeOrId: Code | string): Scale {
  const code = typeof codeOrId === 'string' ? getCode(rubric, codeOrId) : codeOrId;
  const scale = findScale(rubric, code.scaleId);
  if (!scale) throw new Error(`Unknown scale "${code.scaleId}" for code "${code.id}"`);
  return scale;
}

/** Position of a level in the scale's order (0 = lowest), or -1 when the scale has none. */
export function levelIndex(scale: Scale, levelId: string): number {
  return scale.levels.findIndex((level) => level.id === levelId);
}

function indexOrThrow(scale: Scale, levelId: string): number {
  const index = levelIndex(scale, levelId);
  if (index < 0) throw new Error(`Unknown level "${levelId}" on scale "${scale.id}"`);
  return index;
}

/**
 * Orders two levels as the scale lists them (not by quality): negative when `a` comes
 * before `b`, 0 when equal, positive after. Usable as a sort comparator; throws on an
 * unknown level.
 */
export function compareLevels(scale: Scale, a: string, b: string): number {
  return Math.sign(indexOrThrow(scale, a) - indexOrThrow(scale, b));
}

export const AGREEMENT_KINDS = { exact: 'exact', adjacent: 'adjacent', off: 'off' } as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[keyof typeof AGREEMENT_KINDS];

/** How two scores of the same code compare, e.g. a teacher's and a coach's. */
export interface Agreement {
  kind: AgreementKind;
  /** How many levels apart the two scores are (0 = same level). */
  distance: number;
  /** Positive when score A judges the quality higher than score B; direction-aware. */
  qualityDelta: number;
}

/**
 * Compares two scores of one code. Exact = same level, adjacent = one level apart
 * (the usual calibration tolerance), off = further. On a higher-is-worse scale (MQI's
 * Errors and Imprecision) a higher level means lower quality, so `qualityDelta` flips sign.
 * Throws on an unknown code or level.
 */
export function agreement(
  rubric: Rubric,
  codeId: string,
  levelA: string,
  levelB: string,
): Agreement {
  const scale = scaleOf(rubric, codeId);
  const delta = indexOrThrow(scale, levelA) - indexOrThrow(scale, levelB);
  const distance = Math.abs(delta);
  const kind: AgreementKind =
    distance === 0
      ? AGREEMENT_KINDS.exact
      : distance === 1
        ? AGREEMENT_KINDS.adjacent
        : AGREEMENT_KINDS.off;
  const isInverted = scale.direction === SCALE_DIRECTIONS.higherIsWorse;
  // `delta || 0` avoids returning -0 for equal levels on an inverted scale.
  const qualityDelta = (isInverted ? -delta : delta) || 0;
  return { kind, distance, qualityDelta };
}

/** A code's display label, e.g. "STEXPL · Students Provide Explanations". */
export function codeLabel(rubric: Rubric, codeId: string): string {
  const code = getCode(rubric, codeId);
  return `${code.id} · ${code.name}`;
}

/** The label of a level on a code's scale, e.g. "Mid"; throws on an unknown code or level. */
export function levelLabel(rubric: Rubric, codeId: string, levelId: string): string {
  const scale = scaleOf(rubric, codeId);
  const level: Level | undefined = scale.levels[indexOrThrow(scale, levelId)];
  return level?.label ?? levelId;
}

/**
 * Codes whose id or name contains `query`, case-insensitively, for a picker: an exact id
 * first, then ids starting with the query, then the rest in rubric order. A blank query
 * returns every code.
 */
export function searchCodes(rubric: Rubric, query: string): Code[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...rubric.codes];
  const rank = (code: Code) => {
    const id = code.id.toLowerCase();
    return id === q ? 0 : id.startsWith(q) ? 1 : 2;
  };
  return rubric.codes
    .filter((code) => code.id.toLowerCase().includes(q) || code.name.toLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b));
}
