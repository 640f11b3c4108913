import {
  type Agreement,
  agreement,
  findCode,
  levelIndex,
  MQI_RUBRIC,
  scaleOf,
} from '@elevate/rubric';
import type { ProblemField } from '../errors';

/** Counts of agreement kinds, as the calibration totals show them. */
export interface AgreementTally {
  exact: number;
  adjacent: number;
  off: number;
  /** Codes compared (scored by the teacher and by the masters). */
  compared: number;
}

export const emptyTally = (): AgreementTally => ({ exact: 0, adjacent: 0, off: 0, compared: 0 });

/**
 * The teacher's level against the master's on one code, by the rubric's own helper so the
 * inverted Errors and Imprecision scale is honoured (its `qualityDelta` flips sign). Null
 * when either side is missing or no longer valid on the code's scale (a rubric change).
 */
export function compareWithMaster(
  codeId: string,
  teacherLevel: string | undefined,
  masterLevel: string | undefined,
): Agreement | null {
  if (!teacherLevel || !masterLevel || !findCode(MQI_RUBRIC, codeId)) return null;
  const scale = scaleOf(MQI_RUBRIC, codeId);
  if (levelIndex(scale, teacherLevel) < 0 || levelIndex(scale, masterLevel) < 0) return null;
  return agreement(MQI_RUBRIC, codeId, teacherLevel, masterLevel);
}

export function addToTally(tally: AgreementTally, a: Agreement | null): void {
  if (!a) return;
  tally[a.kind] += 1;
  tally.compared += 1;
}

/** Problems with levels given for codes: unknown code, or a level not on its scale. */
export function levelProblems(
  entries: ReadonlyArray<{ codeId: string; level: string }>,
  path: string,
): ProblemField[] {
  const problems: ProblemField[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (seen.has(entry.codeId)) problems.push({ path: `${at}.codeId`, reason: 'given twice' });
    seen.add(entry.codeId);
    const code = findCode(MQI_RUBRIC, entry.codeId);
    if (!code) {
      problems.push({ path: `${at}.codeId`, reason: `unknown rubric code ${entry.codeId}` });
      return;
    }
    const scale = scaleOf(MQI_RUBRIC, code);
    if (levelIndex(scale, entry.level) < 0) {
      const ids = scale.levels.map((l) => l.id).join(', ');
      problems.push({ path: `${at}.level`, reason: `not a level of ${code.id} (use ${ids})` });
    }
  });
  return problems;
}
