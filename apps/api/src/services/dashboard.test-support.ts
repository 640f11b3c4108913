import type { Stage } from '../domain/cycle';
import type { World } from '../testing/world';

/** Facts for dashboard tests, written into the world's real database. */

const DAY = 86_400_000;
export const day = (days: number, now = Date.now()) =>
  new Date(now + days * DAY).toISOString().slice(0, 10);
export const instant = (hours: number, now = Date.now()) =>
  new Date(now + hours * 3_600_000).toISOString();

/** A new teacher of `coachId` (the world's coach unless given), named `name`. */
export async function addTeacher(world: World, name: string, coachId = world.users.coach.id) {
  const { setup } = world.api.ctx.services;
  const email = `${name.toLowerCase().replaceAll(' ', '.')}@north.test`;
  const id = await setup.createAccount(world.programId, {
    email,
    name,
    role: 'teacher',
    password: 'correct horse battery',
  });
  await world.api.ctx.repositories.caseloads.assign({
    programId: world.programId,
    coachId,
    teacherId: id,
    assignedBy: world.users.admin.id,
  });
  return { id, email, name };
}

export interface CycleSpec {
  stage: Exclude<Stage, 'teacher_ready'>;
  videoDueOn?: string | null;
  meetingAt?: string | null;
}

/**
 * A cycle of `teacherId` that has reached `spec.stage`, built from the facts the stage
 * follows from: a lesson with its video, the assignment, the meeting held, the log done.
 */
export async function addCycle(world: World, teacherId: string, spec: CycleSpec) {
  const { db, repositories } = world.api.ctx;
  const coachId = (await repositories.caseloads.currentFor(teacherId))?.coachId as string;
  const order: Stage[] = ['awaiting_video', 'coach_preparing', 'assigned', 'conversation_held'];
  const reached = (s: Stage) =>
    spec.stage === 'log_complete' || order.indexOf(spec.stage) >= order.indexOf(s);
  const lesson = reached('coach_preparing')
    ? await repositories.lessons.create(
        {
          programId: world.programId,
          teacherId,
          title: 'A lesson',
          taughtOn: day(-3),
          grade: '5',
          topic: 'Ratios',
          focusCodeIds: [],
        },
        'ready',
      )
    : null;
  const cycle = await repositories.cycles.create({
    programId: world.programId,
    teacherId,
    coachId,
    focusCodeIds: ['STEXPL'],
    goalIds: [],
    lessonId: lesson?.id ?? null,
    stockClipId: null,
    stockCodeIds: [],
    videoDueOn: spec.videoDueOn ?? null,
    meetingAt: spec.meetingAt ?? null,
  });
  const now = new Date().toISOString();
  if (reached('assigned')) {
    await db
      .insertInto('cycle_assignment')
      .values({
        cycle_id: cycle.id,
        sent_by: coachId,
        to_email: 'someone@north.test',
        subject: 'Clips',
        body: 'Please watch',
        outbox_id: null,
        sent_at: now,
      })
      .execute();
  }
  if (reached('conversation_held')) await repositories.cycles.update(cycle.id, { heldAt: now });
  if (spec.stage === 'log_complete') {
    await db
      .insertInto('collab_log')
      .values({
        cycle_id: cycle.id,
        version: 1,
        fields: '{}',
        completed_at: now,
        updated_by: coachId,
        updated_at: now,
      })
      .execute();
  }
  return cycle;
}
