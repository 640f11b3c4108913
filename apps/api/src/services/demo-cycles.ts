import { formatMinutesSeconds } from '@elevate/timecode';
import { EMPTY_LOG, type LogFields } from '../domain/log';
import { DEMO_CLIPS } from './demo-review';

/** The demo's coaching cycles: their dates, goals, master scores, scores and log. */

const DAY = 86_400_000;
/** `YYYY-MM-DD`, `days` from `now`. */
export const dayFrom = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
/** 15:30 UTC, `days` from `now`: the pair's regular meeting time. */
export const meetingFrom = (now: Date, days: number) => `${dayFrom(now, days)}T15:30:00.000Z`;

export const DEMO_FOCUS = ['STEXPL', 'SMQR'];

export const DEMO_GOALS = [
  {
    codeId: 'STEXPL',
    text: 'Students explain why an answer works, not only what it is, at least once in every part of the lesson.',
  },
  {
    codeId: 'SMQR',
    text: 'Students ask each other questions before I step in.',
  },
];

/** The coach's levels for the demo stock clip, with rationales in our own words. */
export const DEMO_MASTER_SCORES = [
  {
    codeId: 'STEXPL',
    level: 'mid',
    rationale: 'Two students say why 3/4 is greater; the others agree without giving reasons.',
  },
  {
    codeId: 'SMQR',
    level: 'low',
    rationale: 'One student asks a question, but the teacher answers it for the class.',
  },
  {
    codeId: 'TCD',
    level: 'high',
    rationale: 'The task asks students to justify a comparison, not to follow a procedure.',
  },
];

/** Cycle 1's stock-clip scores by the teacher: one exact, one adjacent. */
export const DEMO_CYCLE1_SCORES = [
  {
    codeId: 'STEXPL',
    level: 'high',
    reason: 'Several students talk about the number line.',
  },
  { codeId: 'TCD', level: 'high', reason: 'They have to convince each other.' },
];
export const DEMO_CYCLE1_STOCK_CODES = DEMO_CYCLE1_SCORES.map((s) => s.codeId);
export const DEMO_CYCLE2_STOCK_CODES = ['STEXPL', 'SMQR'];

/** Cycle 1's log: the coach's draft, then the version the teacher completed. */
export function demoLogVersions(
  now: Date,
  nextVideoDueOn: string,
  nextMeetingAt: string,
  goalIds: string[],
): [LogFields, LogFields] {
  const draft: LogFields = {
    ...EMPTY_LOG,
    goalIds,
    conversationDate: dayFrom(now, -17),
    lessonDate: dayFrom(now, -21),
    focusCodeIds: DEMO_FOCUS,
    highlights:
      'Students used the number line without being asked. The launch question invited reasons.',
    summary:
      'We looked at who did the explaining. Elevation ideas: ask “how do you know?” before confirming; let a second student respond to the first.',
    teacherNextStep: '',
    coachNextSteps: 'Find a stock clip where students question each other.',
    nextVideoDueOn,
    nextMeetingAt,
  };
  return [
    draft,
    {
      ...draft,
      teacherNextStep:
        'In the next lesson, after each answer, ask another student whether they agree and why.',
    },
  ];
}

/** The watching assignment as the program's email template words it. */
export function demoAssignment(input: {
  teacherName: string;
  coachName: string;
  stockClip: string;
  meetingAt: string;
  timeZone: string;
}) {
  const meeting = new Date(input.meetingAt);
  const weekday = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    timeZone: input.timeZone,
  }).format(meeting);
  const time = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: input.timeZone,
  }).format(meeting);
  const [c1, c2] = DEMO_CLIPS.map(
    (c) => `${formatMinutesSeconds(c.startMs)}-${formatMinutesSeconds(c.endMs)}`,
  );
  return {
    subject: 'Clips to watch before our conversation',
    body: [
      `Hi ${input.teacherName.split(' ')[0]},`,
      '',
      `Thanks for filming and uploading your lesson. I look forward to talking with you at our regular time on ${weekday} at ${time}. If that doesn’t work for you, please let me know so we can reschedule.`,
      '',
      `Before we talk, please review two short clips from the lesson you filmed by signing in to Elevate. The clips we’ll be watching are 1) from ${c1} and 2) from ${c2}. Please also take the time to watch the ${input.stockClip} stock clip, which we will be scoring on ${DEMO_CYCLE2_STOCK_CODES.join(', ')}.`,
      '',
      'If you have any questions or have any trouble accessing the videos, please let me know. I’m looking forward to talking with you again soon.',
      '',
      'Best,',
      '',
      input.coachName,
    ].join('\n'),
  };
}
