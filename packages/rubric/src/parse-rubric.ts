import type { z } from 'zod';
import { toJsonPath } from './json-path';
import { findReferenceProblems } from './rubric.references';
import { type Rubric, rubricSchema } from './rubric.schema';

/** One thing wrong with a rubric file, located by a JSON path such as `$.codes[3].scaleId`. */
export interface RubricProblem {
  path: string;
  reason: string;
}

export type ParseRubricResult =
  | { ok: true; rubric: Rubric }
  | { ok: false; problems: RubricProblem[] };

// zod's default for a missing key ("expected string, received undefined") reads poorly
// to someone fixing a file by hand.
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'missing required field' : undefined;

/**
 * Checks a rubric file (a parsed object, or its JSON text) against the schema and its
 * cross-references, and returns either the rubric (defaults applied) or EVERY problem
 * found, so an author can fix a file in one pass rather than one error per upload.
 */
export function parseRubric(json: unknown): ParseRubricResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [{ path: '$', reason: `not valid JSON: ${detail}` }] };
    }
  }

  const parsed = rubricSchema.safeParse(input, { error: errorMap });
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: toJsonPath(issue.path), reason: issue.message }));
  // Cross-references are checked on the raw input even when the schema failed, so a
  // file with a bad URL and a duplicate id reports both.
  const problems = [...schemaProblems, ...findReferenceProblems(input)];

  if (parsed.success && problems.length === 0) return { ok: true, rubric: parsed.data };
  return { ok: false, problems };
}
