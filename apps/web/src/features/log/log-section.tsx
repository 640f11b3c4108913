import type { Cycle } from '../cycles/cycle.queries';

/** The cycle's collaborative log. */
export function LogSection(_props: { cycle: Cycle }) {
  return null;
}
