import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/smtp.test-server';
import { createWorld, type World } from '../testing/world';
import type { AssignmentView } from './assignment.service';
import { createAssignableWorld } from './coaching.test-support';

// The watching assignment end to end: the draft from the program's template, the coach's
// edit, delivery through a real SMTP server on loopback (parsed as received), the outbox,
// and the cycle's stage.

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // The seeded world is built once per file; build it here, not inside the first test's time.
  await (await createWorld()).api.close();
}, 60_000);
afterAll(async () => {
  await smtp?.close();
});

const path = (w: World) => `/api/cycles/${w.cycleId}/assignment`;

async function stageOf(world: World) {
  const { body } = await world
    .as('coach')
    .call<{ stage: string }>('GET', `/api/cycles/${world.cycleId}`, 200);
  return body.stage;
}

describe('the assignment draft', () => {
  it("renders the program's email: times, stock clip, codes and the meeting in the teacher's zone", async () => {
    const world = await createAssignableWorld();
    try {
      const { body: draft } = await world.as('coach').call<AssignmentView>('GET', path(world), 200);
      expect(draft).toMatchObject({ status: 'draft', to: 'teacher@north.test', missing: [] });
      expect(draft.body).toContain('Hi Tina Teacher,');
      // Chicago, not the coach's UTC (where it is already Wednesday 1:00 AM).
      expect(draft.body).toContain('next week on Tuesday, December 1 at 7:00 PM CST');
      expect(draft.body).toContain('1) from 02:00-07:00 and 2) from 15:00-20:30');
      expect(draft.body).toContain('the Ms. Rivera: Sharing strategies for 48 ÷ 4 stock clip');
      expect(draft.body).toContain(
        'Students Provide Explanations (STEXPL) and Student Mathematical Questioning and Reasoning (SMQR)',
      );
      expect(draft.body).toContain(`http://localhost/lessons/${world.readyLessonId}/clips/1`);
      expect(draft.body).toContain(`http://localhost/lessons/${world.readyLessonId}/clips/2`);
      expect(draft.body).toContain(`http://localhost/cycles/${world.cycleId}#stock`);
      expect(draft.body.trimEnd().endsWith('Cole Coach')).toBe(true);
      expect(draft.subject).toBe(
        'Cycle 1: clips to watch before we meet on Tuesday, December 1 at 7:00 PM CST',
      );
      // The draft is the coach's work: the teacher sees nothing until it is sent.
      await world.as('teacherOwner').call('GET', path(world), 404);
    } finally {
      await world.api.close();
    }
  });

  it('says what is missing before it can be sent', async () => {
    const world = await createWorld();
    try {
      const { body } = await world.as('coach').call<AssignmentView>('GET', path(world), 200);
      expect(body.missing.map((m) => m.need)).toEqual(['clip2']);
      expect(body.body).toContain('2) from (not chosen yet)');
    } finally {
      await world.api.close();
    }
  });
});

describe('sending through SMTP', () => {
  it('delivers the edited text to the teacher, keeps it in the outbox and moves the cycle to assigned', async () => {
    const world = await createAssignableWorld({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Elevate <coaching@north.test>',
    });
    try {
      const before = smtp.received.length;
      const { body: draft } = await world.as('coach').call<AssignmentView>('GET', path(world), 200);
      expect(await stageOf(world)).toBe('coach_preparing');
      const edited = `${draft.body}\n\nP.S. Bring your <script>alert(1)</script> questions.`;
      const { body: sent } = await world
        .as('coach')
        .call<AssignmentView>('POST', path(world), 201, {
          json: { subject: draft.subject, body: edited },
        });
      expect(sent).toMatchObject({ status: 'sent', subject: draft.subject, body: edited });

      expect(smtp.received).toHaveLength(before + 1);
      const mail = smtp.received.at(-1);
      expect(mail?.envelopeTo).toEqual(['teacher@north.test']);
      expect(mail?.parsed.from?.value[0]?.address).toBe('coaching@north.test');
      expect(mail?.parsed.subject).toBe(draft.subject);
      const text = mail?.parsed.text ?? '';
      expect(text).toContain('1) from 02:00-07:00 and 2) from 15:00-20:30');
      expect(text).toContain('Ms. Rivera: Sharing strategies for 48 ÷ 4');
      expect(text).toContain('Students Provide Explanations (STEXPL)');
      expect(text).toContain('Tuesday, December 1 at 7:00 PM CST');
      expect(text).toContain('P.S. Bring your <script>alert(1)</script> questions.');

      const [outbox] = await world.api.ctx.repositories.outbox.listForProgram(world.programId, 1);
      expect(outbox).toMatchObject({ to: 'teacher@north.test', kind: 'assignment' });
      expect(outbox?.sentAt).not.toBeNull();

      expect(await stageOf(world)).toBe('assigned');
      // Now the teacher (and the coach) read what was sent.
      const { body: seen } = await world
        .as('teacherOwner')
        .call<AssignmentView>('GET', path(world), 200);
      expect(seen).toMatchObject({ status: 'sent', body: edited, sentAt: sent.sentAt });
      await world.as('otherTeacher').call('GET', path(world), 404);

      // Once per cycle: a second send is refused and nothing more goes out.
      const { body: again } = await world
        .as('coach')
        .call<{ code: string }>('POST', path(world), 409, {
          json: { subject: 'Again', body: 'Again' },
        });
      expect(again.code).toBe('assignment_already_sent');
      expect(smtp.received).toHaveLength(before + 1);
    } finally {
      await world.api.close();
    }
  }, 30_000);

  it('records nothing on the cycle when the mail server refuses the message', async () => {
    const world = await createAssignableWorld({ SMTP_URL: smtp.url });
    smtp.refuse(true);
    try {
      const { body } = await world.as('coach').call<{ code: string }>('POST', path(world), 502, {
        json: { subject: 'Clips to watch', body: 'Hi Tina' },
      });
      expect(body.code).toBe('mail_not_delivered');
      expect(await stageOf(world)).toBe('coach_preparing');
      // The attempt stays in the outbox, marked unsent, for an admin to see.
      const [outbox] = await world.api.ctx.repositories.outbox.listForProgram(world.programId, 1);
      expect(outbox).toMatchObject({ kind: 'assignment', sentAt: null });
      smtp.refuse(false);
      await world.as('coach').call('POST', path(world), 201, {
        json: { subject: 'Clips to watch', body: 'Hi Tina' },
      });
      expect(await stageOf(world)).toBe('assigned');
    } finally {
      smtp.refuse(false);
      await world.api.close();
    }
  }, 30_000);
});

describe('reminders through SMTP', () => {
  it('are delivered by the same channel, and tried again next run when the server refuses', async () => {
    const world = await createAssignableWorld({ SMTP_URL: smtp.url });
    const { reminders } = world.api.ctx.services;
    const coachDayBefore = new Date('2026-12-01T09:00:00Z');
    try {
      smtp.refuse(true);
      expect(await reminders.sendDueReminders(coachDayBefore)).toBe(0);
      smtp.refuse(false);
      const before = smtp.received.length;
      expect(await reminders.sendDueReminders(coachDayBefore)).toBe(1);
      expect(await reminders.sendDueReminders(coachDayBefore)).toBe(0);
      expect(smtp.received).toHaveLength(before + 1);
      const mail = smtp.received.at(-1);
      expect(mail?.envelopeTo).toEqual(['coach@north.test']);
      expect(mail?.parsed.subject).toBe(
        'Reminder: coaching conversation tomorrow, Wednesday, December 2 at 1:00 AM UTC',
      );
    } finally {
      smtp.refuse(false);
      await world.api.close();
    }
  }, 30_000);
});

describe('refusals write nothing', () => {
  it('refuses a cycle without both clips (422) and sends nothing', async () => {
    const world = await createWorld({ SMTP_URL: smtp.url });
    try {
      const before = smtp.received.length;
      const { body } = await world
        .as('coach')
        .call<{ code: string; errors: { path: string }[] }>('POST', path(world), 422, {
          json: { subject: 'Clips', body: 'Hi' },
        });
      expect(body.code).toBe('assignment_incomplete');
      expect(body.errors.map((e) => e.path)).toEqual(['$.cycle.clip2']);
      expect(smtp.received).toHaveLength(before);
      expect(await stageOf(world)).toBe('coach_preparing');
    } finally {
      await world.api.close();
    }
  });

  it('refuses an empty subject or body, and the teacher sending', async () => {
    const world = await createAssignableWorld();
    try {
      const { body } = await world
        .as('coach')
        .call<{ code: string; errors: { path: string }[] }>('POST', path(world), 422, {
          json: { subject: '  ', body: '' },
        });
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((e) => e.path).sort()).toEqual(['$.body', '$.subject']);
      await world.as('teacherOwner').call('POST', path(world), 404, {
        json: { subject: 'Hi', body: 'Hi' },
      });
      expect(
        await world.api.ctx.repositories.outbox.listForProgram(world.programId, 5),
      ).not.toContainEqual(expect.objectContaining({ kind: 'assignment' }));
      expect(await stageOf(world)).toBe('coach_preparing');
    } finally {
      await world.api.close();
    }
  });

  it('with no mail server, the message goes to the outbox and the cycle is assigned', async () => {
    const world = await createAssignableWorld();
    try {
      await world.as('coach').call('POST', path(world), 201, {
        json: { subject: 'Clips to watch', body: 'Hi Tina, two clips.' },
      });
      const [outbox] = await world.api.ctx.repositories.outbox.listForProgram(world.programId, 1);
      expect(outbox).toMatchObject({
        to: 'teacher@north.test',
        kind: 'assignment',
        subject: 'Clips to watch',
        text: 'Hi Tina, two clips.',
        sentAt: null,
      });
      expect(await stageOf(world)).toBe('assigned');
    } finally {
      await world.api.close();
    }
  });
});
