import type { Cycle } from '../cycles/cycle.queries';

/** The coach's private preparation for the cycle (the planning guide). */
export function PrepSection(_props: { cycle: Cycle }) {
  return null;
}
