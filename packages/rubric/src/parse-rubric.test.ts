import { describe, expect, it } from 'vitest';
import { parseRubric, type RubricProblem } from './parse-rubric';
import type { RubricInput } from './rubric.schema';

type CodeInput = RubricInput['codes'][number];

/** A small, valid, non-MQI rubric with handles on its parts; each test breaks a fresh one. */
function makeFixture() {
  const absent = { id: 'absent', label: 'Absent', score: 0 };
  const some = { id: 'some', label: 'Some', score: 1 };
  const strong = { id: 'strong', label: 'Strong', score: 2 };
  const scale = {
    id: 'presence',
    name: 'Presence',
    direction: 'higher-is-better' as const,
    levels: [absent, some, strong],
  };
  const domain = { id: 'PRESS', name: 'Press for reasoning', paraphrase: 'Asking for why.' };
  const revoice: CodeInput = {
    id: 'REVOICE',
    name: 'Revoicing',
    paraphrase: 'Teacher restates a student idea.',
    kind: 'segment',
    domainId: 'PRESS',
    scaleId: 'presence',
    levelDescriptions: { strong: 'Our own text for Strong.' },
  };
  const why: CodeInput = {
    id: 'WHY',
    name: 'Asking why',
    paraphrase: 'Teacher asks for reasons.',
    kind: 'segment',
    domainId: 'PRESS',
    scaleId: 'presence',
  };
  const rubric: RubricInput = {
    id: 'talk-moves',
    name: 'Talk Moves',
    version: '1',
    attribution: { text: 'Example', licence: 'CC0', licenceUrl: 'https://example.org/cc0' },
    scales: [scale],
    domains: [domain],
    codes: [revoice, why],
  };
  return { rubric, scale, levels: { absent, some, strong }, domain, revoice, why };
}

function problemsOf(input: unknown): RubricProblem[] {
  const result = parseRubric(input);
  if (result.ok) throw new Error('expected problems, got a valid rubric');
  return result.problems;
}

const pathsOf = (input: unknown) => problemsOf(input).map((p) => p.path);

describe('parseRubric on valid input', () => {
  it('round-trips a small non-MQI rubric, applying defaults', () => {
    const result = parseRubric(JSON.stringify(makeFixture().rubric));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rubric.codes.map((c) => [c.id, c.isOverall])).toEqual([
      ['REVOICE', false],
      ['WHY', false],
    ]);
    expect(result.rubric.defaultFocusCodeIds).toEqual([]);
    expect(parseRubric(result.rubric)).toEqual({ ok: true, rubric: result.rubric });
  });
});

describe('parseRubric on malformed input', () => {
  it('reports a JSON syntax error as one problem at $', () => {
    const problems = problemsOf('{"id": "x",');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('$');
    expect(problems[0]?.reason).toMatch(/^not valid JSON: /);
  });

  it('rejects non-object input at $', () => {
    for (const input of [null, 42, [], 'true']) {
      const problems = problemsOf(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('$');
      expect(problems[0]?.reason).toContain('expected object');
    }
  });

  it('maps schema errors to JSON paths, naming missing fields', () => {
    const { rubric, levels, why } = makeFixture();
    delete (rubric as Partial<RubricInput>).name;
    rubric.attribution.licenceUrl = 'not a url';
    levels.some.score = 1.5;
    (why as Record<string, unknown>).kind = 'weekly';
    expect(problemsOf(rubric)).toEqual([
      { path: '$.name', reason: 'missing required field' },
      { path: '$.attribution.licenceUrl', reason: expect.stringMatching(/url/i) },
      { path: '$.scales[0].levels[1].score', reason: expect.stringMatching(/int/i) },
      { path: '$.codes[1].kind', reason: expect.stringContaining('segment') },
    ]);
  });

  it('reports duplicate ids of scales, levels, domains and codes at the repeat', () => {
    const { rubric, scale, levels, domain, why } = makeFixture();
    rubric.scales.push({ ...scale, levels: scale.levels.map((level) => ({ ...level })) });
    levels.some.id = 'absent';
    rubric.domains.push({ ...domain });
    why.id = 'REVOICE';
    expect(problemsOf(rubric)).toEqual([
      { path: '$.scales[1].id', reason: 'duplicate scale id "presence"' },
      {
        path: '$.scales[0].levels[1].id',
        reason: 'duplicate level id "absent" in scale "presence"',
      },
      { path: '$.domains[1].id', reason: 'duplicate domain id "PRESS"' },
      { path: '$.codes[1].id', reason: 'duplicate code id "REVOICE"' },
    ]);
  });

  it('reports duplicate level scores within a scale', () => {
    const { rubric, levels } = makeFixture();
    levels.strong.score = 0;
    expect(problemsOf(rubric)).toEqual([
      { path: '$.scales[0].levels[2].score', reason: 'duplicate score 0 in scale "presence"' },
    ]);
  });

  it('reports an unknown scale and an unknown level reference', () => {
    const { rubric, revoice, why } = makeFixture();
    why.scaleId = 'stars';
    revoice.levelDescriptions = { strong: 'ok', 'very-strong': 'no such level' };
    expect(problemsOf(rubric)).toEqual([
      {
        path: '$.codes[0].levelDescriptions["very-strong"]',
        reason: 'unknown level reference "very-strong": scale "presence" has absent, some, strong',
      },
      { path: '$.codes[1].scaleId', reason: 'unknown scale "stars"' },
    ]);
  });

  it('reports a segment code without a domain, an unknown domain and an empty domain', () => {
    const { rubric, revoice, why } = makeFixture();
    rubric.domains.push({ id: 'EMPTY', name: 'Empty', paraphrase: 'Nothing here.' });
    delete revoice.domainId;
    why.domainId = 'GHOST';
    expect(problemsOf(rubric)).toEqual([
      { path: '$.codes[0].domainId', reason: 'a segment code needs a domainId' },
      { path: '$.codes[1].domainId', reason: 'unknown domain "GHOST"' },
      { path: '$.domains[0]', reason: 'empty domain "PRESS": no code belongs to it' },
      { path: '$.domains[1]', reason: 'empty domain "EMPTY": no code belongs to it' },
    ]);
  });

  it('reports default focus codes that name no code', () => {
    const rubric = makeFixture().rubric;
    rubric.defaultFocusCodeIds = ['WHY', 'NOPE', 'WHY'];
    expect(problemsOf(rubric)).toEqual([
      { path: '$.defaultFocusCodeIds[1]', reason: 'unknown code "NOPE"' },
      { path: '$.defaultFocusCodeIds[2]', reason: 'duplicate focus code "WHY"' },
    ]);
  });

  it('reports schema and cross-reference problems together, all of them', () => {
    const { rubric, revoice, why } = makeFixture();
    rubric.attribution.licenceUrl = 'nope';
    revoice.name = '';
    why.scaleId = 'stars';
    rubric.codes.push({ ...why, scaleId: 'presence' });
    rubric.defaultFocusCodeIds = ['GONE'];
    expect(pathsOf(rubric)).toEqual([
      '$.attribution.licenceUrl',
      '$.codes[0].name',
      '$.codes[2].id',
      '$.codes[1].scaleId',
      '$.defaultFocusCodeIds[0]',
    ]);
  });
});
