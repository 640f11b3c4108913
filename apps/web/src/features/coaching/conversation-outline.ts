import type { PrepFieldName } from './coaching.queries';

/** Where a step's "play" link goes. */
export type StepMedia = 'stock' | 'clip1' | 'clip2';

export interface OutlineStep {
  title: string;
  minutes: number;
  /** What the step is for, in our words. */
  aim: string;
  media?: StepMedia[];
  /** The coach's own preparation to have at hand during the step. */
  notes?: PrepFieldName[];
}

/**
 * The 60-minute coaching conversation (program seed 001, "Outline of a 60 min coaching
 * conversation"): its nine steps and their minutes.
 */
export const CONVERSATION_OUTLINE: OutlineStep[] = [
  { title: 'Introduction and pleasantries', minutes: 3, aim: 'Build the relationship.' },
  {
    title: 'Review goals',
    minutes: 2,
    aim: "Set the focus of today's conversation from the teacher's goals.",
    notes: ['focus', 'goalRelation'],
  },
  {
    title: 'Frame and discuss the stock clip',
    minutes: 10,
    aim: 'Look at the stock clip through the rubric; compare the scores with the master scores.',
    media: ['stock'],
    notes: ['stockRelation', 'generativeQuestions'],
  },
  {
    title: 'Teacher frames the teaching video',
    minutes: 4,
    aim: 'The teacher gives context first: what would help to know about this lesson?',
  },
  {
    title: 'Coach frames the first clip',
    minutes: 2,
    aim: 'Why this clip was chosen, and which codes it will be discussed on.',
    media: ['clip1'],
    notes: ['clip1Framing'],
  },
  {
    title: 'Discuss the first clip',
    minutes: 10,
    aim: 'Describe the clip with the codes, reflect on it, and find ways to move it a level up.',
    media: ['clip1'],
    notes: ['clip1Interpretations', 'clip1Questions', 'anticipatedAnswers'],
  },
  {
    title: 'Frame and discuss the second clip',
    minutes: 12,
    aim: 'The same for clip 2: frame it, describe it, elevate it.',
    media: ['clip2'],
    notes: ['clip2Framing', 'clip2Interpretations', 'clip2Questions'],
  },
  {
    title: 'Other feedback',
    minutes: 5,
    aim: "Quick points that didn't fit the clips (optional).",
    notes: ['otherFeedback'],
  },
  {
    title: 'Action plan and the collaborative log',
    minutes: 12,
    aim: 'Agree on one specific next step and fill in the log together; schedule the next meeting.',
    notes: ['suggestions', 'moreSkilled'],
  },
];

/**
 * Prompts for describing and elevating a moment and for next steps: our own wording, not
 * the rubric's.
 */
export const CONVERSATION_PROMPTS = [
  {
    id: 'describe',
    title: 'Describe',
    prompts: [
      'What do the teacher and the students say and do in this moment?',
      'Which code does this moment speak to, and where on its scale would you place it? What makes you say so?',
    ],
  },
  {
    id: 'elevate',
    title: 'Elevate',
    prompts: [
      'What would this same moment look like one level higher on that code?',
      'What could the teacher ask or do here to get there? What might students then say?',
    ],
  },
  {
    id: 'next-steps',
    title: 'Next steps',
    prompts: [
      'What one specific thing will you try in your next lesson?',
      'How will we see it in the next video?',
    ],
  },
] as const;

export interface StepPosition {
  /** The step you should be on (the last one once time is over). */
  index: number;
  /** Time left in that step; 0 once time is over. */
  remainingMs: number;
  /** Time past the whole outline's end; 0 while within it. */
  overMs: number;
  totalMs: number;
}

/** Where the conversation should be after `elapsedMs`, by the outline's minutes. */
export function stepAt(
  elapsedMs: number,
  steps: readonly OutlineStep[] = CONVERSATION_OUTLINE,
): StepPosition {
  const totalMs = steps.reduce((sum, s) => sum + s.minutes * 60_000, 0);
  let end = 0;
  for (const [index, step] of steps.entries()) {
    end += step.minutes * 60_000;
    if (elapsedMs < end) return { index, remainingMs: end - elapsedMs, overMs: 0, totalMs };
  }
  return { index: steps.length - 1, remainingMs: 0, overMs: elapsedMs - totalMs, totalMs };
}
