import type { PrepFieldName } from './coaching.queries';

export interface PrepQuestion {
  name: PrepFieldName;
  label: string;
  hint?: string;
}

export interface PrepGroup {
  id: string;
  title: string;
  questions: PrepQuestion[];
}

/**
 * The planning guide (program seed 001, "Coach Preparation") as form groups, in the order a
 * coach works: focus, the lesson and its clips, what to aim for, the stock clip, the talk.
 */
export const PREP_GROUPS: PrepGroup[] = [
  {
    id: 'focus',
    title: 'Focus',
    questions: [
      {
        name: 'focus',
        label: 'What will the focus of this conversation be?',
        hint: "Based on the teacher's goals, the last action steps and the current rubric codes.",
      },
      { name: 'goalRelation', label: "How does it relate to the teacher's learning goals?" },
    ],
  },
  {
    id: 'lesson',
    title: 'The lesson and its clips',
    questions: [
      { name: 'lessonSummary', label: 'Brief summary of the lesson' },
      { name: 'clip1Framing', label: 'Clip 1: how will you frame it (why this clip)?' },
      { name: 'clip1Interpretations', label: 'Clip 1: interpretations' },
      { name: 'clip1Questions', label: 'Clip 1: questions' },
      { name: 'clip2Framing', label: 'Clip 2: how will you frame it (why this clip)?' },
      { name: 'clip2Interpretations', label: 'Clip 2: interpretations' },
      { name: 'clip2Questions', label: 'Clip 2: questions' },
    ],
  },
  {
    id: 'aim',
    title: 'What to aim for',
    questions: [
      {
        name: 'teacherShouldLearn',
        label: 'What do you want the teacher to learn?',
        hint: 'Why is this the salient focus?',
      },
      {
        name: 'moreSkilled',
        label: 'What will it look like when the teacher is more skilled at this?',
      },
      { name: 'suggestions', label: 'Specific, actionable suggestions for the teacher' },
    ],
  },
  {
    id: 'stock',
    title: 'The stock clip',
    questions: [
      {
        name: 'stockRelation',
        label:
          'How will you introduce the stock clip and its codes, and how do they relate to the focus?',
      },
    ],
  },
  {
    id: 'talk',
    title: 'The conversation',
    questions: [
      {
        name: 'generativeQuestions',
        label: 'Generative questions you might ask',
        hint: "Also for when the teacher's stock-clip scores differ from the master scores.",
      },
      {
        name: 'anticipatedAnswers',
        label: 'What might the teacher say, and how might you respond?',
      },
      { name: 'otherFeedback', label: "Anything else to bring up that didn't fit the clips?" },
    ],
  },
];
