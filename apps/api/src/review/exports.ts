import { codeLabel, findCode, type Rubric } from '@elevate/rubric';
import { formatTimecode, toMediaFragment, toVttTimestamp } from '@elevate/timecode';
import type { Lesson } from '../domain/lesson';
import type { Annotation } from '../domain/review';

/** Exports of a lesson's annotations (already filtered to what the viewer may see). */

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function annotationsCsv(annotations: readonly Annotation[]): string {
  const header = [
    'id',
    'start',
    'end',
    'start_ms',
    'end_ms',
    'visibility',
    'author',
    'codes',
    'body',
    'teacher_does',
    'students_do',
    'rubric_relation',
    'replies',
    'created_at',
  ];
  const rows = annotations.map((a) => [
    a.id,
    formatTimecode(a.startMs, { withMs: true }),
    a.endMs === null ? null : formatTimecode(a.endMs, { withMs: true }),
    a.startMs,
    a.endMs,
    a.visibility,
    a.authorName,
    a.codeIds.join(' '),
    a.body,
    a.teacherDoes,
    a.studentsDo,
    a.rubricRelation,
    a.replies.map((r) => `${r.authorName}: ${r.body}`).join('\n'),
    a.createdAt,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Cue text cannot hold "-->" or a blank line; "<" and "&" must be escaped. */
const vttText = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\n\s*\n/g, '\n');

export function annotationsVtt(annotations: readonly Annotation[], rubric: Rubric): string {
  const cues = annotations.map((a, i) => {
    const end = a.endMs ?? a.startMs + 5000;
    const codes = a.codeIds
      .map((id) => (findCode(rubric, id) ? codeLabel(rubric, id) : id))
      .join('; ');
    const replies = a.replies.map((r) => `↳ ${r.authorName}: ${r.body}`);
    const lines = [codes ? `[${codes}]` : '', a.body, ...replies].filter(Boolean).map(vttText);
    return `${i + 1}\n${toVttTimestamp(a.startMs)} --> ${toVttTimestamp(end)}\n${lines.join('\n')}`;
  });
  return `WEBVTT - Elevate annotations\n\n${cues.join('\n\n')}\n`;
}

/** W3C Web Annotation Data Model, as a JSON-LD AnnotationCollection. */
export function annotationsJsonLd(
  lesson: Lesson,
  annotations: readonly Annotation[],
  baseUrl: string,
) {
  const source = `${baseUrl}/lessons/${lesson.id}`;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}/annotations`,
    type: 'AnnotationCollection',
    label: `Annotations of ${lesson.title}`,
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      items: annotations.map((a) => ({
        id: `${baseUrl}/annotations/${a.id}`,
        type: 'Annotation',
        motivation: 'commenting',
        created: a.createdAt,
        modified: a.updatedAt,
        creator: { type: 'Person', name: a.authorName },
        body: [
          { type: 'TextualBody', value: a.body, format: 'text/plain', purpose: 'commenting' },
          ...a.codeIds.map((code) => ({ type: 'TextualBody', value: code, purpose: 'tagging' })),
          ...a.replies.map((r) => ({
            type: 'TextualBody',
            value: r.body,
            purpose: 'replying',
            creator: { type: 'Person', name: r.authorName },
            created: r.createdAt,
          })),
        ],
        target: {
          source,
          selector: {
            type: 'FragmentSelector',
            conformsTo: 'http://www.w3.org/TR/media-frags/',
            value: toMediaFragment(a.startMs, a.endMs),
          },
        },
      })),
    },
  };
}
