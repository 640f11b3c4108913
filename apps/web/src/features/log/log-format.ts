import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { formatTimecode } from '@elevate/timecode';
import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import type { Goal, LinkableField, LogFieldName, LogLink } from './log.queries';

/** The log form's own wording, field by field (from the program's collaborative log). */
export const FIELD_LABELS: Record<LogFieldName, string> = {
  conversationDate: 'Date of conversation',
  lessonDate: 'Date of lesson',
  focusCodeIds: 'Code(s) of focus',
  highlights: "Highlights, learnings and what's working",
  summary: 'Summary of our conversation and elevation ideas',
  teacherNextStep: "Teacher's next step",
  coachNextSteps: "Coach's next steps",
  nextVideoDueOn: 'Date by which the next video will be filmed',
  nextMeetingAt: 'Date and time of the next meeting',
  goalIds: 'Goals worked on',
  links: 'Links to the lesson',
};

export const TEXT_FIELDS: readonly LinkableField[] = [
  'highlights',
  'summary',
  'teacherNextStep',
  'coachNextSteps',
];

export function codeName(id: string): string {
  const code = findCode(MQI_RUBRIC, id);
  return code ? `${id}: ${code.name}` : id;
}

/** Where a link opens: a clip's view, or the review at the moment (and annotation). */
export function linkPath(lessonId: string, link: LogLink): string {
  const lesson = `/lessons/${encodeURIComponent(lessonId)}`;
  if (link.kind === 'clip') return `${lesson}/clips/${link.position}`;
  const at = `${lesson}/review?t=${link.atMs}`;
  return link.kind === 'annotation'
    ? `${at}&annotation=${encodeURIComponent(link.annotationId)}`
    : at;
}

export function linkText(link: LogLink): string {
  if (link.label.trim()) return link.label;
  if (link.kind === 'clip') return `Clip ${link.position}`;
  if (link.kind === 'moment') return `Moment at ${formatTimecode(link.atMs)}`;
  return `Annotation at ${formatTimecode(link.atMs)}`;
}

/**
 * One field's value as a person reads it (the conflict view and the versions show values of
 * every kind side by side).
 */
export function formatFieldValue(
  field: LogFieldName,
  value: unknown,
  context: { timeZone: string; goals: readonly Goal[] },
): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'nextMeetingAt' && typeof value === 'string')
    return formatDateTime(value, context.timeZone);
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value) : value;
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return '(none)';
  if (field === 'focusCodeIds') return value.map((id) => codeName(String(id))).join('; ');
  if (field === 'goalIds')
    return value
      .map((id) => context.goals.find((g) => g.id === id)?.text ?? 'A removed goal')
      .join('; ');
  if (field === 'links') return (value as LogLink[]).map(linkText).join('; ');
  return value.join(', ');
}
