import { describe, expect, it } from 'vitest';
import { MQI_RUBRIC } from './mqi';
import { parseRubric } from './parse-rubric';
import { SCALE_DIRECTIONS } from './rubric.schema';

// Every id listed in shared/rubric.md, by domain.
const DOMAIN_CODES = {
  RICH: ['LINK', 'EXPL', 'SENSE', 'MMETH', 'MGEN', 'MLANG', 'ORICH'],
  WWSM: ['REMED', 'USEPROD', 'OWWS'],
  ERR: ['MAJERR', 'LANGIMP', 'LCP', 'OERR'],
  CCASP: ['STEXPL', 'SMQR', 'STUCOM', 'TCD', 'CTX', 'OCCASP'],
};
const WHOLE_LESSON = [
  'WL-TIME',
  'WL-DENSE',
  'WL-ENGAGE',
  'WL-RICH',
  'WL-REMED',
  'WL-IDEAS',
  'WL-CLEAR',
  'WL-TASKS',
  'WL-CCASP',
  'WL-MQI',
];
const ofKind = (kind: string) => MQI_RUBRIC.codes.filter((c) => c.kind === kind);
const scale = (id: string) => MQI_RUBRIC.scales.find((s) => s.id === id);
const labels = (scaleId: string) => scale(scaleId)?.levels.map((l) => l.label);

describe('MQI rubric data', () => {
  it('has the four domains in order, each with exactly its listed codes', () => {
    expect(MQI_RUBRIC.id).toBe('mqi-4pt');
    expect(MQI_RUBRIC.domains.map((d) => d.id)).toEqual(['RICH', 'WWSM', 'ERR', 'CCASP']);
    for (const [domainId, ids] of Object.entries(DOMAIN_CODES)) {
      const inDomain = MQI_RUBRIC.codes.filter((c) => c.domainId === domainId);
      expect(inDomain.map((c) => c.id)).toEqual(ids);
      expect(inDomain.every((c) => c.kind === 'segment')).toBe(true);
    }
  });

  it('counts 20 segment codes, 4 overall, 1 gate and 10 whole-lesson codes', () => {
    expect(ofKind('segment')).toHaveLength(20);
    expect(MQI_RUBRIC.codes.filter((c) => c.isOverall).map((c) => c.id)).toEqual([
      'ORICH',
      'OWWS',
      'OERR',
      'OCCASP',
    ]);
    expect(ofKind('gate').map((c) => [c.id, c.name])).toEqual([
      ['CWCM', 'Classroom Work is Connected to Mathematics'],
    ]);
    expect(ofKind('whole-lesson').map((c) => c.id)).toEqual(WHOLE_LESSON);
    expect(MQI_RUBRIC.codes).toHaveLength(31);
    expect(new Set(MQI_RUBRIC.codes.map((c) => c.id)).size).toBe(31);
  });

  it('keeps the rubric titles as code names', () => {
    const name = (id: string) => MQI_RUBRIC.codes.find((c) => c.id === id)?.name;
    expect(name('STEXPL')).toBe('Students Provide Explanations');
    expect(name('LCP')).toBe('Lack of Clarity in Presentation of Mathematical Content');
    expect(name('WL-MQI')).toBe('Whole-Lesson Mathematical Quality of Instruction');
  });

  it('scores ERR codes on the inverted scale and every other segment code on the normal one', () => {
    for (const code of ofKind('segment')) {
      const direction = scale(code.scaleId)?.direction;
      const expected =
        code.domainId === 'ERR' ? SCALE_DIRECTIONS.higherIsWorse : SCALE_DIRECTIONS.higherIsBetter;
      expect([code.id, direction]).toEqual([code.id, expected]);
    }
  });

  it('labels the score points as the rubric does', () => {
    const segment = ['Not Present', 'Low', 'Mid', 'High'];
    expect(labels('mqi-segment')).toEqual(segment);
    expect(labels('mqi-segment-errors')).toEqual(segment);
    expect(scale('mqi-segment')?.levels.map((l) => l.score)).toEqual([1, 2, 3, 4]);
    expect(labels('mqi-gate')).toEqual(['No', 'Yes']);
    expect(labels('mqi-whole-lesson')).toEqual(['Low', 'Low-Mid', 'Mid', 'Mid-High', 'High']);
    expect(scale('mqi-whole-lesson')?.levels.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
  });

  it('carries the attribution, licence and default focus codes', () => {
    expect(MQI_RUBRIC.attribution).toEqual({
      text: 'Mathematical Quality of Instruction (MQI) 4-Point Version, (c) 2014 Learning Mathematics for Teaching / Heather Hill',
      licence: 'CC BY-NC-ND 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
      sourceUrl: 'https://cepr.harvard.edu/mqi',
    });
    expect(MQI_RUBRIC.description).toContain("paraphrases are Elevate's own");
    expect(MQI_RUBRIC.defaultFocusCodeIds).toEqual(['STEXPL', 'SMQR', 'TCD']);
  });

  it('passes parseRubric, as an object and as JSON text', () => {
    expect(parseRubric(MQI_RUBRIC)).toEqual({ ok: true, rubric: MQI_RUBRIC });
    expect(parseRubric(JSON.stringify(MQI_RUBRIC))).toEqual({ ok: true, rubric: MQI_RUBRIC });
  });

  it('is frozen, so no consumer can change the shared copy', () => {
    expect(() => {
      (MQI_RUBRIC.codes[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });
});

describe('MQI licence guard', () => {
  const texts = [...MQI_RUBRIC.domains, ...MQI_RUBRIC.codes];

  it('ships our own one-line paraphrase for every domain and code, never the title', () => {
    for (const { id, name, paraphrase } of texts) {
      expect([id, paraphrase.toLowerCase()]).not.toEqual([id, name.toLowerCase()]);
      expect([id, /[\r\n]/.test(paraphrase)]).toEqual([id, false]);
      expect([id, paraphrase.length <= 120]).toEqual([id, true]);
    }
    expect(new Set(texts.map((t) => t.paraphrase)).size).toBe(texts.length);
  });

  it('ships no level descriptions (the official descriptor text stays out)', () => {
    expect(MQI_RUBRIC.codes.filter((c) => c.levelDescriptions !== undefined)).toEqual([]);
  });
});
