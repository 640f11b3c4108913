import type { TranscriptCue } from '../domain/review';
import type { AnnotationInput } from '../repositories/review.repository';

/** The demo lesson's review: two clips, a dozen coded notes (some private), a transcript. */

const s = (seconds: number) => seconds * 1000;

export const DEMO_CLIPS = [
  {
    position: 1 as const,
    startMs: s(15),
    endMs: s(75),
    summary: 'Pairs place 3/4 and 2/3 on a number line and explain which is greater.',
    reason: 'Students explain their own reasoning: evidence for Students Provide Explanations.',
  },
  {
    position: 2 as const,
    startMs: s(100),
    endMs: s(165),
    summary: 'The teacher asks a student to restate a classmate’s strategy.',
    reason: 'A moment to elevate questioning: who asks, who reasons.',
  },
];

type Note = Partial<AnnotationInput> & Pick<AnnotationInput, 'startMs' | 'body' | 'codeIds'>;
const note = (n: Note): AnnotationInput => ({
  visibility: 'public',
  endMs: null,
  teacherDoes: null,
  studentsDo: null,
  rubricRelation: null,
  ...n,
});

export const DEMO_ANNOTATIONS: AnnotationInput[] = [
  note({
    startMs: s(16),
    endMs: s(30),
    body: 'You launch with a question, not an answer: “Which is bigger, and how do you know?”',
    codeIds: ['TCD'],
    teacherDoes: 'Poses the comparison and waits.',
  }),
  note({
    startMs: s(31),
    body: 'Maya explains why 3/4 is closer to 1 than 2/3.',
    codeIds: ['STEXPL'],
    studentsDo: 'Maya: “a quarter is missing, but a third is missing from the other.”',
  }),
  note({
    startMs: s(38),
    endMs: s(52),
    body: 'Students link the number line to the fraction strips.',
    codeIds: ['LINK', 'STUCOM'],
    rubricRelation: 'Two representations connected by students.',
  }),
  note({
    startMs: s(55),
    body: 'A second pair disagrees and says why.',
    codeIds: ['SMQR', 'STEXPL'],
  }),
  note({
    startMs: s(63),
    body: 'You use Jon’s wrong placement as a question for the class.',
    codeIds: ['USEPROD', 'REMED'],
  }),
  note({
    startMs: s(70),
    body: 'Precise language: “equal parts of the same whole”.',
    codeIds: ['MLANG'],
  }),
  note({
    startMs: s(102),
    endMs: s(118),
    body: 'You ask Ana to restate Theo’s strategy in her own words.',
    codeIds: ['SMQR'],
    teacherDoes: '“Ana, can you say what Theo did?”',
  }),
  note({
    startMs: s(125),
    body: 'Students generalise: the bigger the denominator, the smaller each part.',
    codeIds: ['MGEN', 'STEXPL'],
  }),
  note({
    startMs: s(140),
    body: 'A short moment of “greater means more pieces” — worth revisiting.',
    codeIds: ['LANGIMP'],
  }),
  note({
    visibility: 'private',
    startMs: s(45),
    body: 'Planning: ask what she noticed about who did the explaining here.',
    codeIds: ['STEXPL'],
  }),
  note({
    visibility: 'private',
    startMs: s(110),
    endMs: s(130),
    body: 'Elevate: what would it look like if students asked each other why?',
    codeIds: ['SMQR'],
    rubricRelation: 'One step higher: students question each other.',
  }),
  note({
    visibility: 'private',
    startMs: s(150),
    body: 'Suggestion to offer: a “convince your partner” routine before sharing.',
    codeIds: ['STEXPL', 'TCD'],
  }),
];

export const DEMO_TRANSCRIPT: TranscriptCue[] = [
  {
    startMs: s(16),
    endMs: s(22),
    speaker: 'Teacher',
    text: 'Which is bigger, three fourths or two thirds? How do you know?',
  },
  {
    startMs: s(24),
    endMs: s(30),
    speaker: 'Teacher',
    text: 'Talk with your partner first. Use the number line.',
  },
  {
    startMs: s(31),
    endMs: s(37),
    speaker: 'Maya',
    text: 'Three fourths, because only one fourth is missing to make a whole.',
  },
  {
    startMs: s(38),
    endMs: s(45),
    speaker: 'Leo',
    text: 'And two thirds is missing a third, and a third is bigger than a fourth.',
  },
  {
    startMs: s(55),
    endMs: s(61),
    speaker: 'Sam',
    text: 'We think they are the same because both are missing one piece.',
  },
  {
    startMs: s(63),
    endMs: s(69),
    speaker: 'Teacher',
    text: 'Jon put two thirds here. What do we think about that?',
  },
  {
    startMs: s(102),
    endMs: s(108),
    speaker: 'Teacher',
    text: 'Ana, can you say what Theo did, in your own words?',
  },
  {
    startMs: s(109),
    endMs: s(117),
    speaker: 'Ana',
    text: 'He cut both strips the same length and compared the pieces.',
  },
  {
    startMs: s(125),
    endMs: s(133),
    speaker: 'Theo',
    text: 'If you cut into more pieces, each piece gets smaller.',
  },
  {
    startMs: s(140),
    endMs: s(146),
    speaker: 'Student',
    text: 'So more pieces means a bigger fraction?',
  },
];
