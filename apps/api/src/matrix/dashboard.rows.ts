import { adminOnly, type Expect, ownLesson, type RouteCase, signedIn } from './expect';

/** A dashboard for one role: every signed-in member of that role (each sees their own), others 403. */
const forRole = (...ok: Array<'teacher' | 'coach' | 'admin'>): Expect => ({
  ...signedIn(403),
  ...(ok.includes('teacher') ? { teacherOwner: 200, otherTeacher: 200 } : {}),
  ...(ok.includes('coach') ? { coach: 200, otherCoach: 200 } : {}),
  ...(ok.includes('admin') ? { admin: 200, foreignAdmin: 200 } : {}),
});

export const dashboardMatrix: Record<string, RouteCase> = {
  'GET /api/dashboard/coach': { path: () => '/api/dashboard/coach', expect: forRole('coach') },
  'GET /api/dashboard/teacher': {
    path: () => '/api/dashboard/teacher',
    expect: forRole('teacher'),
  },
  'GET /api/dashboard/program': {
    path: () => '/api/dashboard/program',
    expect: forRole('admin'),
  },
  // The teacher, their coach and the program's admin read the overview; to others the
  // teacher does not exist.
  'GET /api/teachers/:teacherId/overview': {
    path: (w) => `/api/teachers/${w.users.teacherOwner.id}/overview`,
    expect: { ...ownLesson(200, 200), admin: 200 },
  },
  // Each admin exports their own program (another program's admin gets theirs, not ours).
  'GET /api/research-export.csv': {
    path: () => '/api/research-export.csv',
    expect: adminOnly(200, 200),
  },
};
