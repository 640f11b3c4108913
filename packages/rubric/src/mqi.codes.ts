import { MQI_SCALE_IDS } from './mqi.scales';
import { CODE_KINDS, type RubricInput } from './rubric.schema';

// Names are the rubric's titles; every paraphrase is Elevate's own plain-words summary.
// Licence rule (shared/rubric.md): never paste or adapt the rubric's descriptor prose here.

type CodeInput = RubricInput['codes'][number];
type SegmentEntry = Pick<CodeInput, 'id' | 'name' | 'paraphrase' | 'isOverall'>;

function inDomain(domainId: string, scaleId: string, entries: SegmentEntry[]): CodeInput[] {
  return entries.map((entry) => ({ ...entry, kind: CODE_KINDS.segment, domainId, scaleId }));
}

export const MQI_DOMAINS: RubricInput['domains'] = [
  {
    id: 'RICH',
    name: 'Richness of the Mathematics',
    paraphrase: 'How deep and connected the mathematics of the segment is, beyond getting answers.',
  },
  {
    id: 'WWSM',
    name: 'Working with Students and Mathematics',
    paraphrase: 'How the teacher responds to what students actually say, write and get stuck on.',
  },
  {
    id: 'ERR',
    name: 'Errors and Imprecision',
    paraphrase:
      'Mistakes, loose wording or notation, and muddled presentation (higher means worse).',
  },
  {
    id: 'CCASP',
    name: 'Common Core Aligned Student Practices',
    paraphrase:
      'What students do themselves: explain, question, reason, talk and tackle hard tasks.',
  },
];

const RICH = inDomain('RICH', MQI_SCALE_IDS.segment, [
  {
    id: 'LINK',
    name: 'Linking Between Representations',
    paraphrase:
      'Does the teacher tie together different ways of showing an idea, e.g. picture and equation?',
  },
  {
    id: 'EXPL',
    name: 'Explanations',
    paraphrase:
      'Does the teacher give reasons why a method works or an answer is right, not only how?',
  },
  {
    id: 'SENSE',
    name: 'Mathematical Sense-Making',
    paraphrase: 'Does the class work out what the numbers, steps and answers actually mean?',
  },
  {
    id: 'MMETH',
    name: 'Multiple Procedures or Solution Methods',
    paraphrase: 'Are several ways to solve the same problem shown, and are they compared?',
  },
  {
    id: 'MGEN',
    name: 'Patterns and Generalizations',
    paraphrase: 'Does the class spot patterns and move from examples towards a general rule?',
  },
  {
    id: 'MLANG',
    name: 'Mathematical Language',
    paraphrase:
      'How fluently the teacher uses maths words and symbols and helps students use them.',
  },
  {
    id: 'ORICH',
    name: 'Overall Richness of the Mathematics',
    paraphrase: 'Your overall call on how deep and meaningful the mathematics of this segment is.',
    isOverall: true,
  },
]);

const WWSM = inDomain('WWSM', MQI_SCALE_IDS.segment, [
  {
    id: 'REMED',
    name: 'Remediation of Student Errors and Difficulties',
    paraphrase:
      'When students go wrong or get stuck, does the teacher get at the cause, not just fix it?',
  },
  {
    id: 'USEPROD',
    name: 'Teacher Uses Student Mathematical Contributions',
    paraphrase:
      'Does the teacher build on what students say and produce instead of passing over it?',
  },
  {
    id: 'OWWS',
    name: 'Overall Working with Students and Mathematics',
    paraphrase:
      'Your overall call on how well the teacher works with student thinking in this segment.',
    isOverall: true,
  },
]);

const ERR = inDomain('ERR', MQI_SCALE_IDS.segmentErrors, [
  {
    id: 'MAJERR',
    name: 'Mathematical Content Errors',
    paraphrase:
      'Wrong mathematics said or left standing: a false answer, definition, rule or step.',
  },
  {
    id: 'LANGIMP',
    name: 'Imprecision in Language or Notation',
    paraphrase: 'Sloppy use of maths words or symbols, e.g. an equals sign used as "and then".',
  },
  {
    id: 'LCP',
    name: 'Lack of Clarity in Presentation of Mathematical Content',
    paraphrase: 'Mathematics presented in a confusing order or way that makes it hard to follow.',
  },
  {
    id: 'OERR',
    name: 'Overall Errors and Imprecision',
    paraphrase: 'Your overall call on how much mistake, sloppiness and confusion this segment has.',
    isOverall: true,
  },
]);

const CCASP = inDomain('CCASP', MQI_SCALE_IDS.segment, [
  {
    id: 'STEXPL',
    name: 'Students Provide Explanations',
    paraphrase:
      'Do students, not only the teacher, say why a method works or an answer makes sense?',
  },
  {
    id: 'SMQR',
    name: 'Student Mathematical Questioning and Reasoning',
    paraphrase:
      'Do students ask maths questions, make guesses to test, or argue for and against ideas?',
  },
  {
    id: 'STUCOM',
    name: 'Students Communicate about the Mathematics of the Segment',
    paraphrase:
      'Do students talk or write to each other about the maths, using its words and pictures?',
  },
  {
    id: 'TCD',
    name: 'Task Cognitive Demand',
    paraphrase:
      'How much real thinking the work asks of students, from copying steps to reasoning.',
  },
  {
    id: 'CTX',
    name: 'Students Work with Contextualized Problems',
    paraphrase:
      'Do students work on real-life or story problems and check answers against the story?',
  },
  {
    id: 'OCCASP',
    name: 'Overall Common Core Aligned Student Practices',
    paraphrase: 'Your overall call on how much students themselves do the mathematical thinking.',
    isOverall: true,
  },
]);

const GATE: CodeInput = {
  id: 'CWCM',
  name: 'Classroom Work is Connected to Mathematics',
  paraphrase:
    'Is the class actually doing mathematics in this segment, rather than something else?',
  kind: CODE_KINDS.gate,
  scaleId: MQI_SCALE_IDS.gate,
};

export const MQI_SEGMENT_AND_GATE_CODES: CodeInput[] = [GATE, ...RICH, ...WWSM, ...ERR, ...CCASP];
