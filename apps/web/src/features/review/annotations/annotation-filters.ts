import { findCode, MQI_RUBRIC, type Rubric } from '@elevate/rubric';
import type { Annotation } from '../review.types';

/** The panel's filters; empty strings mean "any". */
export interface AnnotationFilter {
  codeId: string;
  domainId: string;
  authorId: string;
  visibility: 'all' | 'public' | 'private';
  text: string;
}

export const NO_FILTER: AnnotationFilter = {
  codeId: '',
  domainId: '',
  authorId: '',
  visibility: 'all',
  text: '',
};

/** The MQI domain that colours a note: its first code's, or "other" for none or a gate. */
export function domainOf(codeIds: readonly string[], rubric: Rubric = MQI_RUBRIC): string {
  for (const id of codeIds) {
    const domainId = findCode(rubric, id)?.domainId;
    if (domainId) return domainId;
  }
  return 'other';
}

function searchableText(annotation: Annotation): string {
  return [
    annotation.body,
    annotation.teacherDoes,
    annotation.studentsDo,
    annotation.rubricRelation,
    annotation.authorName,
    ...annotation.codeIds,
    ...annotation.replies.flatMap((reply) => [reply.body, reply.authorName]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

export function isFiltering(filter: AnnotationFilter): boolean {
  return (
    filter.codeId !== '' ||
    filter.domainId !== '' ||
    filter.authorId !== '' ||
    filter.visibility !== 'all' ||
    filter.text.trim() !== ''
  );
}

/** The notes that pass every filter, in time order. Text matches any words, in any field. */
export function filterAnnotations(
  annotations: readonly Annotation[],
  filter: AnnotationFilter,
  rubric: Rubric = MQI_RUBRIC,
): Annotation[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return annotations
    .filter((a) => {
      if (filter.codeId && !a.codeIds.includes(filter.codeId)) return false;
      if (
        filter.domainId &&
        !a.codeIds.some((id) => (findCode(rubric, id)?.domainId ?? 'other') === filter.domainId)
      ) {
        return false;
      }
      if (filter.authorId && a.authorId !== filter.authorId) return false;
      if (filter.visibility !== 'all' && a.visibility !== filter.visibility) return false;
      if (words.length > 0) {
        const text = searchableText(a);
        if (!words.every((word) => text.includes(word))) return false;
      }
      return true;
    })
    .sort((a, b) => a.startMs - b.startMs || a.createdAt.localeCompare(b.createdAt));
}

/** A point note stays "current" this long after its moment. */
export const POINT_SPAN_MS = 5_000;

/** The note under the playhead: the latest started whose range (or moment) covers `ms`. */
export function currentAnnotationId(sorted: readonly Annotation[], ms: number): string | null {
  let found: string | null = null;
  for (const a of sorted) {
    if (a.startMs > ms) break;
    const end = a.endMs ?? a.startMs + POINT_SPAN_MS;
    if (ms < end) found = a.id;
  }
  return found;
}

/** The distinct authors and codes present, for the filter menus. */
export function filterOptions(annotations: readonly Annotation[]) {
  const authors = new Map<string, string>();
  const codes = new Set<string>();
  for (const a of annotations) {
    authors.set(a.authorId, a.authorName);
    for (const id of a.codeIds) codes.add(id);
  }
  return {
    authors: [...authors].map(([id, name]) => ({ id, name })),
    codeIds: MQI_RUBRIC.codes.map((code) => code.id).filter((id) => codes.has(id)),
  };
}
