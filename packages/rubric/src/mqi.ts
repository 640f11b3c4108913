import { MQI_DOMAINS, MQI_SEGMENT_AND_GATE_CODES } from './mqi.codes';
import { MQI_SCALES } from './mqi.scales';
import { MQI_WHOLE_LESSON_CODES } from './mqi.whole-lesson';
import { parseRubric } from './parse-rubric';
import type { Rubric, RubricInput } from './rubric.schema';

export const MQI_RUBRIC_ID = 'mqi-4pt';

const MQI_INPUT: RubricInput = {
  id: MQI_RUBRIC_ID,
  name: 'Mathematical Quality of Instruction (MQI), 4-Point Version',
  version: '2014',
  description:
    'Domain and code names and score-point labels are those of the MQI rubric; the one-line ' +
    "paraphrases are Elevate's own and are not the rubric's text. The official descriptors are " +
    'not included; a program that holds them can load them as a rubric file of its own.',
  attribution: {
    text: 'Mathematical Quality of Instruction (MQI) 4-Point Version, (c) 2014 Learning Mathematics for Teaching / Heather Hill',
    licence: 'CC BY-NC-ND 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    sourceUrl: 'https://cepr.harvard.edu/mqi',
  },
  scales: MQI_SCALES,
  domains: MQI_DOMAINS,
  codes: [...MQI_SEGMENT_AND_GATE_CODES, ...MQI_WHOLE_LESSON_CODES],
  // The training focused on three CCASP codes our sources do not name; this is a setting.
  defaultFocusCodeIds: ['STEXPL', 'SMQR', 'TCD'],
};

// One object is shared by every consumer in the process, so a stray mutation in one
// screen or request must not leak into another.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function load(input: RubricInput): Rubric {
  const result = parseRubric(input);
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n');
    throw new Error(`The built-in MQI rubric is invalid:\n${lines}`);
  }
  return deepFreeze(result.rubric);
}

/**
 * The MQI 4-point rubric as data: gate, four domains with their segment codes, and the
 * whole-lesson codes. Validated when this module loads, so a bad edit fails every test.
 */
export const MQI_RUBRIC: Rubric = load(MQI_INPUT);
