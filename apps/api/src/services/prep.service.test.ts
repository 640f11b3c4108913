import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import type { PrepView } from './prep.service';

// The coach's planning notes are theirs alone, at the query: the teacher, other coaches
// and admins (even with access to lesson content) get the same 404 as for nothing at all.

beforeAll(async () => {
  await (await createWorld()).api.close();
}, 60_000);

const path = (w: World) => `/api/cycles/${w.cycleId}/prep`;

describe('coach preparation', () => {
  it('starts empty, with the cycle beside it: clips, stock clip, codes, goals', async () => {
    const world = await createWorld();
    try {
      const { body } = await world.as('coach').call<PrepView>('GET', path(world), 200);
      expect(body.updatedAt).toBeNull();
      expect(Object.values(body.fields).every((v) => v === '')).toBe(true);
      expect(body.clips).toEqual([
        expect.objectContaining({
          position: 1,
          startMs: 120_000,
          endMs: 420_000,
          summary: 'Pairs explain',
        }),
      ]);
      expect(body.stockClip).toMatchObject({ id: world.stockClipId, pseudonym: 'Ms. Rivera' });
      expect(body.stockCodeIds).toEqual(['STEXPL', 'SMQR']);
      expect(body.focusCodeIds).toEqual(['STEXPL']);
      expect(body.lessonId).toBe(world.readyLessonId);
    } finally {
      await world.api.close();
    }
  });

  it('saves the whole guide and reads it back; only the coach ever sees it', async () => {
    const world = await createWorld();
    try {
      await world.api.ctx.repositories.programs.updateSettings(world.programId, {
        adminLessonAccess: true,
      });
      const fields = {
        focus: 'Students explaining why, not only how',
        clip1Questions: 'What did you notice about <b>Maya</b>?',
        anticipatedAnswers: 'She explained the procedure.',
      };
      const { body: saved } = await world.as('coach').call<PrepView>('PUT', path(world), 200, {
        json: { fields },
      });
      expect(saved.fields).toMatchObject({ ...fields, lessonSummary: '' });
      expect(saved.updatedAt).not.toBeNull();
      const { body: read } = await world.as('coach').call<PrepView>('GET', path(world), 200);
      expect(read.fields).toEqual(saved.fields);
      for (const persona of ['teacherOwner', 'otherCoach', 'admin', 'foreignAdmin'] as const) {
        await world.as(persona).call('GET', path(world), 404);
        await world.as(persona).call('PUT', path(world), 404, { json: { fields: { focus: 'x' } } });
      }
      const { body: after } = await world.as('coach').call<PrepView>('GET', path(world), 200);
      expect(after.fields.focus).toBe(fields.focus);
    } finally {
      await world.api.close();
    }
  });

  it('refuses unknown questions and overlong answers, and keeps what was saved', async () => {
    const world = await createWorld();
    try {
      await world
        .as('coach')
        .call('PUT', path(world), 200, { json: { fields: { focus: 'Kept' } } });
      const { body: unknown } = await world
        .as('coach')
        .call<{ code: string }>('PUT', path(world), 422, {
          json: { fields: { focus: 'Lost', notAQuestion: 'x' } },
        });
      expect(unknown.code).toBe('validation_failed');
      await world.as('coach').call('PUT', path(world), 422, {
        json: { fields: { focus: 'x'.repeat(20_001) } },
      });
      const { body } = await world.as('coach').call<PrepView>('GET', path(world), 200);
      expect(body.fields.focus).toBe('Kept');
    } finally {
      await world.api.close();
    }
  });

  it('a former coach loses the notes with the caseload', async () => {
    const world = await createWorld();
    try {
      await world
        .as('coach')
        .call('PUT', path(world), 200, { json: { fields: { focus: 'Mine' } } });
      await world.as('admin').call('PUT', `/api/caseloads/${world.users.teacherOwner.id}`, 200, {
        json: { coachId: world.users.otherCoach.id },
      });
      await world.as('coach').call('GET', path(world), 404);
      // The cycle moves to the new coach, who starts a preparation of their own: the
      // previous coach's private notes are not inherited.
      const { body } = await world.as('otherCoach').call('GET', path(world), 200);
      expect(JSON.stringify(body)).not.toContain('Mine');
    } finally {
      await world.api.close();
    }
  });
});
