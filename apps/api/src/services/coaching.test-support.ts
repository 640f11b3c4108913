import { createWorld, type World } from '../testing/world';

/** The meeting the tests set: Tuesday Dec 1, 7:00 PM in Chicago; Dec 2, 1:00 AM in UTC. */
export const MEETING_AT = '2026-12-02T01:00:00.000Z';
export const TEACHER_ZONE = 'America/Chicago';

/**
 * The world's cycle made ready to assign: clip 2 chosen beside the world's clip 1, the
 * teacher in Chicago (the coach stays on UTC), and a meeting set.
 */
export async function createAssignableWorld(env: Record<string, string> = {}): Promise<World> {
  const world = await createWorld(env);
  await world.as('coach').call('PUT', `/api/lessons/${world.readyLessonId}/clips/2`, 200, {
    json: { startMs: 900_000, endMs: 1_230_000, summary: 'Gallery walk', reason: 'Questioning' },
  });
  await world.as('teacherOwner').call('PATCH', '/api/me', 200, {
    json: { timeZone: TEACHER_ZONE },
  });
  await world.as('coach').call('PATCH', `/api/cycles/${world.cycleId}`, 200, {
    json: { meetingAt: MEETING_AT },
  });
  return world;
}
