import type { Cycle } from '../cycles/cycle.queries';

/** The cycle's stock clip: choosing it (coach), scoring it (teacher) and the master scores after. */
export function StockSection(_props: { cycle: Cycle }) {
  return null;
}
