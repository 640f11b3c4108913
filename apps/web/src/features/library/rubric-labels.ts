import { findCode, MQI_RUBRIC, SCALE_DIRECTIONS, scaleOf } from '@elevate/rubric';

/** The rubric stock clips are scored on (the API checks codes and levels against MQI). */
export const RUBRIC = MQI_RUBRIC;

/** "STEXPL · Students Provide Explanations", or the bare id of a code the rubric lacks. */
export function codeName(codeId: string): string {
  const code = findCode(RUBRIC, codeId);
  return code ? `${code.id} · ${code.name}` : codeId;
}

/** Our own one-line paraphrase of what the code looks at (never the rubric's prose). */
export function codeParaphrase(codeId: string): string {
  return findCode(RUBRIC, codeId)?.paraphrase ?? '';
}

/** The levels a code is scored on, lowest first. */
export function levelsOf(codeId: string): Array<{ id: string; label: string }> {
  if (!findCode(RUBRIC, codeId)) return [];
  return scaleOf(RUBRIC, codeId).levels.map((l) => ({ id: l.id, label: l.label }));
}

export function levelName(codeId: string, levelId: string): string {
  return levelsOf(codeId).find((l) => l.id === levelId)?.label ?? levelId;
}

/** On MQI's Errors and Imprecision codes a higher level means more errors. */
export function isInverted(codeId: string): boolean {
  if (!findCode(RUBRIC, codeId)) return false;
  return scaleOf(RUBRIC, codeId).direction === SCALE_DIRECTIONS.higherIsWorse;
}

export function domainOf(codeId: string): string {
  return findCode(RUBRIC, codeId)?.domainId ?? 'other';
}
