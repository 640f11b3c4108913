import type { Expect, RouteCase } from './expect';
import { adminOnly, ownLesson } from './expect';

/** Library material: every member of the program reads it; another program gets a 404. */
const member = (ok: number): Expect => ({
  anonymous: 401,
  teacherOwner: ok,
  otherTeacher: ok,
  coach: ok,
  otherCoach: ok,
  admin: ok,
  foreignAdmin: 404,
});
/** Changes to one of the program's clips: its admins; other roles are told it is not theirs. */
const adminManages = (ok: number): Expect => ({ ...adminOnly(ok, 404) });

export const libraryMatrix: Record<string, RouteCase> = {
  // GET /api/stock-clips keeps its row in core.rows.ts (signed-in members, their own program).
  'POST /api/stock-clips': {
    path: () => '/api/stock-clips',
    body: () => ({
      pseudonym: 'Mr. Okafor',
      title: 'Arrays for 6 × 7',
      grade: '3',
      topic: 'Multiplication',
      codeIds: ['STEXPL'],
      masterScores: [{ codeId: 'STEXPL', level: 'mid', rationale: 'Two students say why.' }],
    }),
    // Each admin adds to their own program's library.
    expect: adminOnly(201, 201),
  },
  'GET /api/stock-clips/:id': {
    path: (w) => `/api/stock-clips/${w.stockClipId}`,
    expect: member(200),
  },
  'PATCH /api/stock-clips/:id': {
    path: (w) => `/api/stock-clips/${w.stockClipId}`,
    body: () => ({ topic: 'Division with remainders' }),
    expect: adminManages(200),
  },
  'DELETE /api/stock-clips/:id': {
    path: (w) => `/api/stock-clips/${w.stockClipId}`,
    // The world's clip is used in a cycle: its admin is told why it stays.
    expect: adminManages(409),
  },
  'POST /api/stock-clips/:id/video': {
    path: (w) => `/api/stock-clips/${w.stockClipId}/video`,
    expect: adminManages(201),
  },
  'GET /api/cycles/:id/stock-scores': {
    path: (w) => `/api/cycles/${w.cycleId}/stock-scores`,
    expect: ownLesson(200, 200),
  },
  'PUT /api/cycles/:id/stock-scores': {
    path: (w) => `/api/cycles/${w.cycleId}/stock-scores`,
    body: () => ({ scores: [{ codeId: 'STEXPL', level: 'low', reason: '' }], submit: false }),
    // The teacher's own reading: their coach is told so.
    expect: ownLesson(200, 403),
  },
  'GET /api/teachers/:teacherId/calibration': {
    path: (w) => `/api/teachers/${w.users.teacherOwner.id}/calibration`,
    expect: ownLesson(200, 200),
  },
};
