/** The teacher's year cycle by cycle: focus codes, goals, next steps. */
export function YearView(_props: { teacherId: string }) {
  return null;
}
