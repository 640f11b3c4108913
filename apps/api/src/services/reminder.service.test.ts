import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { createAssignableWorld, MEETING_AT } from './coaching.test-support';

// Reminders at fixed instants. The teacher is in Chicago (UTC-6), the coach on UTC; the
// meeting is Tuesday Dec 1, 7:00 PM in Chicago = Wednesday Dec 2, 1:00 AM UTC.

beforeAll(async () => {
  await (await createWorld()).api.close();
}, 60_000);

const at = (iso: string) => new Date(iso);
const remindersOf = (w: World) =>
  w.api.ctx.repositories.outbox
    .listForProgram(w.programId, 50)
    .then((all) => all.filter((m) => m.kind === 'reminder'));

describe('due reminders', () => {
  it('the day before a video is due and a meeting, in each person’s zone, once each', async () => {
    const world = await createAssignableWorld();
    const { reminders } = world.api.ctx.services;
    try {
      // Cycle 2, waiting for its video, due Tuesday Dec 1.
      await world.as('coach').call('POST', '/api/cycles', 201, {
        json: { teacherId: world.users.teacherOwner.id, videoDueOn: '2026-12-01' },
      });
      // Monday 07:00 in Chicago: the day before, but too early to write.
      expect(await reminders.sendDueReminders(at('2026-11-30T13:00:00Z'))).toBe(0);
      // Monday 09:00 in Chicago: the video and the meeting (teacher); for the UTC coach,
      // Monday is two days before.
      expect(await reminders.sendDueReminders(at('2026-11-30T15:00:00Z'))).toBe(2);
      expect(await reminders.sendDueReminders(at('2026-11-30T16:00:00Z'))).toBe(0);
      const teacherMail = await remindersOf(world);
      expect(teacherMail.map((m) => m.to)).toEqual(['teacher@north.test', 'teacher@north.test']);
      const video = teacherMail.find((m) => m.subject.includes('video'));
      expect(video?.text).toContain('cycle 2 is due tomorrow, Tuesday, December 1');
      const meeting = teacherMail.find((m) => m.subject.includes('conversation'));
      expect(meeting?.subject).toBe(
        'Reminder: coaching conversation tomorrow, Tuesday, December 1 at 7:00 PM CST',
      );
      expect(meeting?.text).toContain('with Cole Coach (cycle 1)');

      // Tuesday 09:00 UTC: the coach's day before.
      expect(await reminders.sendDueReminders(at('2026-12-01T09:00:00Z'))).toBe(1);
      expect(await reminders.sendDueReminders(at('2026-12-01T20:00:00Z'))).toBe(0);
      const [coachMail] = await remindersOf(world);
      expect(coachMail?.to).toBe('coach@north.test');
      expect(coachMail?.subject).toBe(
        'Reminder: coaching conversation tomorrow, Wednesday, December 2 at 1:00 AM UTC',
      );
      expect(coachMail?.text).toContain(`/cycles/${world.cycleId}/conversation`);

      // After the meeting, nothing more.
      expect(await reminders.sendDueReminders(at('2026-12-02T09:00:00Z'))).toBe(0);
    } finally {
      await world.api.close();
    }
  }, 30_000);

  it('a rescheduled meeting is reminded again; a held one is not', async () => {
    const world = await createAssignableWorld();
    const { reminders } = world.api.ctx.services;
    try {
      expect(await reminders.sendDueReminders(at('2026-12-01T09:00:00Z'))).toBe(1);
      await world.as('coach').call('PATCH', `/api/cycles/${world.cycleId}`, 200, {
        json: { meetingAt: '2026-12-03T15:00:00Z' },
      });
      expect(await reminders.sendDueReminders(at('2026-12-02T15:00:00Z'))).toBe(2);
      await world.as('coach').call('PATCH', `/api/cycles/${world.cycleId}`, 200, {
        json: { meetingAt: '2026-12-05T15:00:00Z', held: true },
      });
      expect(await reminders.sendDueReminders(at('2026-12-04T15:00:00Z'))).toBe(0);
    } finally {
      await world.api.close();
    }
  }, 30_000);

  it('tells the coach once when the teacher has watched both clips and scored the stock clip', async () => {
    const world = await createAssignableWorld();
    const { reminders } = world.api.ctx.services;
    const { db } = world.api.ctx;
    const tuesdayBefore = at('2026-11-24T12:00:00Z'); // no meeting reminder is due then
    try {
      await world.as('coach').call('POST', `/api/cycles/${world.cycleId}/assignment`, 201, {
        json: { subject: 'Clips to watch', body: 'Hi Tina' },
      });
      expect(await reminders.sendDueReminders(tuesdayBefore)).toBe(0);
      // What the player and the scoring form record: both clips watched, scores submitted.
      await db
        .insertInto('watch_progress')
        .values({
          lesson_id: world.readyLessonId,
          user_id: world.users.teacherOwner.id,
          intervals: JSON.stringify([
            [120_000, 420_000],
            [900_000, 1_230_000],
          ]),
          updated_at: new Date().toISOString(),
        })
        .execute();
      expect(await reminders.sendDueReminders(tuesdayBefore)).toBe(0);
      await db
        .insertInto('stock_score')
        .values(
          ['STEXPL', 'SMQR'].map((code_id) => ({
            cycle_id: world.cycleId,
            code_id,
            level: 'mid',
            reason: 'Pairs explain',
            submitted_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          })),
        )
        .execute();
      expect(await reminders.sendDueReminders(tuesdayBefore)).toBe(1);
      expect(await reminders.sendDueReminders(tuesdayBefore)).toBe(0);
      const [ready] = await remindersOf(world);
      expect(ready).toMatchObject({
        to: 'coach@north.test',
        subject: 'Tina Teacher is ready for your conversation',
      });
      expect(ready?.text).toContain('watched both clips and scored the stock clip for cycle 1');
      expect(MEETING_AT > tuesdayBefore.toISOString()).toBe(true);
    } finally {
      await world.api.close();
    }
  }, 30_000);
});
