import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { formatTimecode } from '@elevate/timecode';
import ical from 'ical-generator';
import type { CycleView } from '../domain/cycle';
import type { Goal } from '../domain/goal';
import type { LinkableField, LogLink, LogView } from '../domain/log';

/** The conversation the outline plans: sixty minutes. */
export const MEETING_MINUTES = 60;

export interface ExportInput {
  cycle: CycleView;
  log: LogView;
  goals: Goal[];
  /** The web app's origin, for links back into Elevate. */
  baseUrl: string;
  /** The reader's time zone, for the next meeting's date and time. */
  timeZone: string;
}

/**
 * Markdown that shows people's words as they wrote them and nothing more: every character
 * Markdown or HTML would read as syntax is escaped, so a `<script>` or a `[link](javascript:…)`
 * typed into the log stays text in any renderer.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        // Inline syntax anywhere in the line (links need `[`, so no link can form).
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Block syntax only means something at the start of a line: headings, lists.
        .replace(/^(\s*)([#+-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('  \n');
}

/** `2026-12-01 16:30 (Europe/London)` in the reader's zone. */
export function formatInstant(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (${timeZone})`;
}

const codeLabel = (id: string) => {
  const code = findCode(MQI_RUBRIC, id);
  return code ? `${id}: ${code.name}` : id;
};

/** Where a link opens in the web app. */
export function linkPath(lessonId: string, link: LogLink): string {
  const lesson = `/lessons/${encodeURIComponent(lessonId)}`;
  if (link.kind === 'clip') return `${lesson}/clips/${link.position}`;
  const at = `${lesson}/review?t=${link.atMs}`;
  return link.kind === 'annotation'
    ? `${at}&annotation=${encodeURIComponent(link.annotationId)}`
    : at;
}

/** What a link is called when its label is empty. */
export function linkText(link: LogLink): string {
  if (link.label.trim()) return link.label;
  if (link.kind === 'clip') return `Clip ${link.position}`;
  if (link.kind === 'moment') return `Moment at ${formatTimecode(link.atMs)}`;
  return `Annotation at ${formatTimecode(link.atMs)}`;
}

const SECTIONS: Array<[LinkableField, string]> = [
  ['highlights', "Highlights, learnings and what's working"],
  ['summary', 'Summary of our conversation and elevation ideas'],
  ['teacherNextStep', "Teacher's next step"],
  ['coachNextSteps', "Coach's next steps"],
];

/** The log as a Markdown document, laid out like the program's log form. */
export function logMarkdown({ cycle, log, goals, baseUrl, timeZone }: ExportInput): string {
  const f = log.fields;
  const none = '_not set_';
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const out = [
    `# Coaching conversation #${log.number}`,
    '',
    `- Teacher: ${escapeMarkdown(cycle.teacherName)}`,
    `- Coach: ${escapeMarkdown(cycle.coachName)}`,
    `- Date of lesson: ${f.lessonDate ?? none}`,
    `- Date of conversation: ${f.conversationDate ?? none}`,
    `- Code(s) of focus: ${f.focusCodeIds.length ? escapeMarkdown(f.focusCodeIds.map(codeLabel).join(', ')) : none}`,
  ];
  if (f.goalIds.length) {
    out.push('- Goals:');
    for (const id of f.goalIds) {
      const goal = goalById.get(id);
      if (goal) out.push(`  - ${escapeMarkdown(`${goal.codeId}: ${goal.text}`)}`);
    }
  }
  for (const [field, title] of SECTIONS) {
    out.push('', `## ${title}`, '', f[field].trim() ? escapeMarkdown(f[field]) : none);
    const links = f.links.filter((l) => l.field === field);
    if (links.length && log.lessonId) {
      out.push('');
      for (const link of links) {
        const url = `${baseUrl}${linkPath(log.lessonId, link)}`;
        out.push(`- [${escapeMarkdown(linkText(link))}](<${url}>)`);
      }
    }
  }
  out.push(
    '',
    '## Next',
    '',
    `- Date by which the next video will be filmed: ${f.nextVideoDueOn ?? none}`,
    `- Date and time of the next meeting: ${f.nextMeetingAt ? formatInstant(f.nextMeetingAt, timeZone) : none}`,
    '',
    log.completedAt ? `Log completed ${log.completedAt.slice(0, 10)}.` : 'Log in progress.',
    '',
  );
  return out.join('\n');
}

/**
 * The next meeting as a calendar event. Its UID is fixed per cycle so that importing a
 * newer file moves the same event instead of adding another; SEQUENCE follows the log's
 * version for the same reason.
 */
export function nextMeetingIcs({ cycle, log, baseUrl }: ExportInput, host: string): string {
  const at = log.fields.nextMeetingAt;
  if (!at) throw new Error('no next meeting');
  const start = new Date(at);
  const calendar = ical({
    name: 'Elevate coaching',
    prodId: { company: 'Elevate', product: 'log' },
  });
  const step = log.fields.teacherNextStep.trim();
  calendar.createEvent({
    id: `next-meeting-${cycle.id}@${host}`,
    sequence: log.version,
    start,
    end: new Date(start.getTime() + MEETING_MINUTES * 60_000),
    summary: `Coaching conversation #${cycle.number + 1}: ${cycle.teacherName} and ${cycle.coachName}`,
    description: [
      `Following coaching conversation #${cycle.number}.`,
      step ? `Teacher's next step: ${step}` : '',
      `${baseUrl}/cycles/${cycle.id}`,
    ]
      .filter(Boolean)
      .join('\n'),
    url: `${baseUrl}/cycles/${cycle.id}`,
  });
  return calendar.toString();
}
