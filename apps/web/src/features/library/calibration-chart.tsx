/** A teacher's agreement with the master scores across cycles, as a chart. */
export function CalibrationChart(_props: { teacherId: string }) {
  return null;
}
