import type { Expect, RouteCase } from './expect';
import { ownLesson } from './expect';

/** The cycle record: teacher and coach read it, the program's admin too; the coach runs it. */
const cycleRecord = (ok: number): Expect => ({ ...ownLesson(ok, ok), admin: ok });
/** Changes to the cycle: its coach; the teacher is told it is the coach's; others a 404. */
const coachRuns = (ok: number): Expect => ({
  ...ownLesson(403, ok),
  teacherOwner: 404,
  admin: 404,
});

export const cycleMatrix: Record<string, RouteCase> = {
  'GET /api/cycles': {
    path: () => '/api/cycles',
    expect: {
      ...ownLesson(200, 200),
      otherTeacher: 200,
      otherCoach: 200,
      admin: 200,
      foreignAdmin: 200,
    },
  },
  'POST /api/cycles': {
    path: () => '/api/cycles',
    body: (w) => ({ teacherId: w.users.teacherOwner.id }),
    expect: {
      anonymous: 401,
      teacherOwner: 403,
      otherTeacher: 403,
      coach: 201,
      otherCoach: 404,
      admin: 403,
      foreignAdmin: 403,
    },
  },
  'GET /api/cycles/:id': { path: (w) => `/api/cycles/${w.cycleId}`, expect: cycleRecord(200) },
  'PATCH /api/cycles/:id': {
    path: (w) => `/api/cycles/${w.cycleId}`,
    body: () => ({ videoDueOn: '2026-12-01' }),
    expect: coachRuns(200),
  },
  'DELETE /api/cycles/:id': {
    path: (w) => `/api/cycles/${w.cycleId}`,
    // The world's cycle has its lesson: nobody may remove it, its coach is told why.
    expect: coachRuns(409),
  },
};
