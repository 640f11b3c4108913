import type { World } from '../testing/world';
import { all, type Expect, ownLesson, type RouteCase } from './expect';

/**
 * The log and the goals are shared between the teacher and their current coach, who both
 * read and write them; everyone else (the program's admin too, without lesson access) gets
 * the same 404 as for something that does not exist.
 */
const shared = (ok: number): Expect => ownLesson(ok, ok);
/** Routes on a thing the world does not have (a log version, a goal): only 404s here; the
 * allowed side is proven in routes/goals.test.ts, which creates them first. */
const missing: Expect = { ...all(404), anonymous: 401 };

const emptyLog = {
  conversationDate: null,
  lessonDate: '2026-10-20',
  focusCodeIds: ['STEXPL'],
  highlights: 'Pairs explained their comparisons.',
  summary: '',
  teacherNextStep: 'Ask "why?" after every answer.',
  coachNextSteps: '',
  nextVideoDueOn: null,
  nextMeetingAt: null,
  goalIds: [],
  links: [],
};
const log = (w: World) => `/api/cycles/${w.cycleId}/log`;

export const logMatrix: Record<string, RouteCase> = {
  'GET /api/cycles/:id/log': { path: log, expect: shared(200) },
  'PUT /api/cycles/:id/log': {
    path: log,
    body: () => ({ baseVersion: 0, fields: emptyLog }),
    expect: shared(200),
  },
  'GET /api/cycles/:id/log/versions': { path: (w) => `${log(w)}/versions`, expect: shared(200) },
  'GET /api/cycles/:id/log/versions/:version': {
    path: (w) => `${log(w)}/versions/1`,
    expect: missing,
  },
  'POST /api/cycles/:id/log/complete': { path: (w) => `${log(w)}/complete`, expect: shared(200) },
  'POST /api/cycles/:id/log/reopen': { path: (w) => `${log(w)}/reopen`, expect: shared(200) },
  'GET /api/cycles/:id/log/export.md': { path: (w) => `${log(w)}/export.md`, expect: shared(200) },
  // The world's log has no next meeting: those allowed are told so (409), others get a 404.
  'GET /api/cycles/:id/log/next-meeting.ics': {
    path: (w) => `${log(w)}/next-meeting.ics`,
    expect: shared(409),
  },
  'GET /api/teachers/:teacherId/goals': {
    path: (w) => `/api/teachers/${w.users.teacherOwner.id}/goals`,
    expect: shared(200),
  },
  'POST /api/teachers/:teacherId/goals': {
    path: (w) => `/api/teachers/${w.users.teacherOwner.id}/goals`,
    body: () => ({ codeId: 'STEXPL', text: 'Students explain why, not only how.' }),
    expect: shared(201),
  },
  'PATCH /api/goals/:id': {
    path: () => '/api/goals/no-such-goal',
    body: () => ({ text: 'Changed' }),
    expect: missing,
  },
  'DELETE /api/goals/:id': { path: () => '/api/goals/no-such-goal', expect: missing },
  'GET /api/teachers/:teacherId/year': {
    path: (w) => `/api/teachers/${w.users.teacherOwner.id}/year`,
    expect: shared(200),
  },
};
