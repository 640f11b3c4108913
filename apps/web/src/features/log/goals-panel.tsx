/** A teacher's goals per rubric code (the goal-setting sheet), editable by the teacher and their coach. */
export function GoalsPanel(_props: { teacherId: string }) {
  return null;
}
