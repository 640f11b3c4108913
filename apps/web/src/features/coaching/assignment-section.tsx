import type { Cycle } from '../cycles/cycle.queries';

/** The watching assignment: the coach's email, and the teacher's to-do. */
export function AssignmentSection(_props: { cycle: Cycle }) {
  return null;
}
