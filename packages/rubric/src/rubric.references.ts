import { toJsonPath } from './json-path';
import type { RubricProblem } from './parse-rubric';
import { CODE_KINDS } from './rubric.schema';

// These checks read the raw input defensively (it may have failed the schema), skipping
// anything malformed: the schema already reports that.

type Loose = Record<string, unknown>;
type Key = string | number;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const fieldOf = (item: unknown, field: string): unknown =>
  isRecord(item) ? item[field] : undefined;
const idOf = (item: unknown): string | undefined => {
  const id = fieldOf(item, 'id');
  return typeof id === 'string' ? id : undefined;
};
const problem = (path: Key[], reason: string): RubricProblem => ({
  path: toJsonPath(path),
  reason,
});

/** One problem per repeat of a key after its first use, pointing at the repeat. */
function duplicates(
  items: unknown[],
  keyOf: (item: unknown) => Key | undefined,
  pathOf: (index: number) => Key[],
  what: string,
  where = '',
): RubricProblem[] {
  const firstAt = new Map<Key, number>();
  const problems: RubricProblem[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, index);
    else problems.push(problem(pathOf(index), `duplicate ${what} ${JSON.stringify(key)}${where}`));
  });
  return problems;
}

function scaleProblems(scale: unknown, i: number): RubricProblem[] {
  const levels = itemsOf(fieldOf(scale, 'levels'));
  const inScale = ` in scale ${JSON.stringify(idOf(scale) ?? i)}`;
  const score = (level: unknown) => {
    const value = fieldOf(level, 'score');
    return typeof value === 'number' ? value : undefined;
  };
  return [
    ...duplicates(levels, idOf, (k) => ['scales', i, 'levels', k, 'id'], 'level id', inScale),
    ...duplicates(levels, score, (k) => ['scales', i, 'levels', k, 'score'], 'score', inScale),
  ];
}

interface Context {
  levelsByScale: Map<string, string[]>;
  domainIds: Set<string>;
}

function codeProblems(code: unknown, i: number, { levelsByScale, domainIds }: Context) {
  if (!isRecord(code)) return [];
  const problems: RubricProblem[] = [];
  const { scaleId, domainId, kind, levelDescriptions } = code;
  const levels = typeof scaleId === 'string' ? levelsByScale.get(scaleId) : undefined;
  if (typeof scaleId === 'string' && !levels) {
    problems.push(problem(['codes', i, 'scaleId'], `unknown scale "${scaleId}"`));
  }
  if (levels && isRecord(levelDescriptions)) {
    for (const key of Object.keys(levelDescriptions).filter((k) => !levels.includes(k))) {
      const reason = `unknown level reference "${key}": scale "${scaleId}" has ${levels.join(', ')}`;
      problems.push(problem(['codes', i, 'levelDescriptions', key], reason));
    }
  }
  if (kind === CODE_KINDS.segment && domainId === undefined) {
    problems.push(problem(['codes', i, 'domainId'], 'a segment code needs a domainId'));
  }
  if (typeof domainId === 'string' && !domainIds.has(domainId)) {
    problems.push(problem(['codes', i, 'domainId'], `unknown domain "${domainId}"`));
  }
  return problems;
}

/**
 * Problems the schema cannot see because they span several parts of the file:
 * duplicate ids and scores, and references to scales, levels, domains and codes.
 */
export function findReferenceProblems(input: unknown): RubricProblem[] {
  if (!isRecord(input)) return [];
  const scales = itemsOf(input.scales);
  const domains = itemsOf(input.domains);
  const codes = itemsOf(input.codes);
  const focus = itemsOf(input.defaultFocusCodeIds);

  const levelsByScale = new Map<string, string[]>();
  for (const scale of scales) {
    const id = idOf(scale);
    if (id !== undefined && !levelsByScale.has(id)) {
      levelsByScale.set(
        id,
        itemsOf(fieldOf(scale, 'levels')).flatMap((l) => idOf(l) ?? []),
      );
    }
  }
  const domainIds = new Set(domains.flatMap((d) => idOf(d) ?? []));
  const codeIds = new Set(codes.flatMap((c) => idOf(c) ?? []));
  const usedDomainIds = new Set(codes.map((c) => fieldOf(c, 'domainId')));

  return [
    ...duplicates(scales, idOf, (i) => ['scales', i, 'id'], 'scale id'),
    ...scales.flatMap(scaleProblems),
    ...duplicates(domains, idOf, (i) => ['domains', i, 'id'], 'domain id'),
    ...duplicates(codes, idOf, (i) => ['codes', i, 'id'], 'code id'),
    ...codes.flatMap((code, i) => codeProblems(code, i, { levelsByScale, domainIds })),
    ...domains.flatMap((domain, i) => {
      const id = idOf(domain);
      if (id === undefined || usedDomainIds.has(id)) return [];
      return [problem(['domains', i], `empty domain "${id}": no code belongs to it`)];
    }),
    ...focus.flatMap((id, i) =>
      typeof id === 'string' && !codeIds.has(id)
        ? [problem(['defaultFocusCodeIds', i], `unknown code "${id}"`)]
        : [],
    ),
    ...duplicates(
      focus,
      (id) => (typeof id === 'string' ? id : undefined),
      (i) => ['defaultFocusCodeIds', i],
      'focus code',
    ),
  ];
}
