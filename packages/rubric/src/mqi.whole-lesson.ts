import { MQI_SCALE_IDS } from './mqi.scales';
import { CODE_KINDS, type RubricInput } from './rubric.schema';

// Names are the rubric's titles; every paraphrase is Elevate's own plain-words summary.

type CodeInput = RubricInput['codes'][number];

const wholeLesson = (id: string, name: string, paraphrase: string): CodeInput => ({
  id,
  name,
  paraphrase,
  kind: CODE_KINDS.wholeLesson,
  scaleId: MQI_SCALE_IDS.wholeLesson,
});

export const MQI_WHOLE_LESSON_CODES: CodeInput[] = [
  wholeLesson(
    'WL-TIME',
    'Lesson Time is Used Efficiently',
    'How much of the lesson goes to maths rather than waiting, transitions or routines.',
  ),
  wholeLesson(
    'WL-DENSE',
    'Lesson is Mathematically Dense',
    'How packed the lesson is with mathematical ideas and work from start to finish.',
  ),
  wholeLesson(
    'WL-ENGAGE',
    'Students are Engaged',
    'How many students take part in and pay attention to the mathematical work, and how fully.',
  ),
  wholeLesson(
    'WL-RICH',
    'Lesson Contains Rich Mathematics',
    'Across the lesson, how much meaning, connection and reasoning the mathematics carries.',
  ),
  wholeLesson(
    'WL-REMED',
    'Teacher Attends to and Remediates Student Difficulty',
    'Across the lesson, how well the teacher notices and deals with what students find hard.',
  ),
  wholeLesson(
    'WL-IDEAS',
    'Teacher Uses Student Ideas',
    "Across the lesson, how much the teacher takes up and builds on students' own thinking.",
  ),
  wholeLesson(
    'WL-CLEAR',
    'Mathematics is Clear and not Distorted',
    'Across the lesson, how correct and easy to follow the maths stays (higher is clearer).',
  ),
  wholeLesson(
    'WL-TASKS',
    'Tasks and Activities Develop Mathematics',
    "Whether the lesson's tasks actually move students' mathematical understanding forward.",
  ),
  wholeLesson(
    'WL-CCASP',
    'Lesson Contains Common Core Aligned Student Practices',
    'Across the lesson, how much students explain, question, reason and talk about maths.',
  ),
  wholeLesson(
    'WL-MQI',
    'Whole-Lesson Mathematical Quality of Instruction',
    'Your single overall call on the mathematical quality of the whole lesson.',
  ),
];
