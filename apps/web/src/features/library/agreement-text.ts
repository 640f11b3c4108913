/** The words for how a teacher's score compares with the master's. */
export const AGREEMENT_LABELS = {
  exact: 'Exact',
  adjacent: 'Adjacent',
  off: 'Off',
} as const;
export type AgreementKind = keyof typeof AGREEMENT_LABELS;

/**
 * A sentence on the difference that honours the scale's direction: the API's
 * `qualityDelta` is positive when the teacher judged the quality higher than the masters
 * (on Errors and Imprecision that is a lower level, i.e. fewer errors seen).
 */
export function agreementSentence(
  a: { kind: AgreementKind; distance: number; qualityDelta: number },
  who: 'you' | 'the teacher' = 'you',
): string {
  if (a.kind === 'exact') return 'Same level as the master score.';
  const levels = a.distance === 1 ? 'one level' : `${a.distance} levels`;
  const direction = a.qualityDelta > 0 ? 'higher' : 'lower';
  return `${levels[0]?.toUpperCase()}${levels.slice(1)} apart: ${who} judged the quality ${direction} than the masters.`;
}
