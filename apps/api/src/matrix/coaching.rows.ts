import { authorOnly, type RouteCase } from './expect';

/**
 * Coach preparation is the cycle's coach's alone; so is the assignment's draft (the world's
 * cycle has not been sent). Sending is refused to everyone else with a 404, and the world's
 * cycle lacks clip 2, so its coach is told what is missing (422).
 */
export const coachingMatrix: Record<string, RouteCase> = {
  'GET /api/cycles/:id/prep': {
    path: (w) => `/api/cycles/${w.cycleId}/prep`,
    expect: authorOnly('coach', 200),
  },
  'PUT /api/cycles/:id/prep': {
    path: (w) => `/api/cycles/${w.cycleId}/prep`,
    body: () => ({ fields: { focus: 'Student explanations' } }),
    expect: authorOnly('coach', 200),
  },
  'GET /api/cycles/:id/assignment': {
    path: (w) => `/api/cycles/${w.cycleId}/assignment`,
    expect: authorOnly('coach', 200),
  },
  'POST /api/cycles/:id/assignment': {
    path: (w) => `/api/cycles/${w.cycleId}/assignment`,
    body: () => ({ subject: 'Clips to watch', body: 'Hi Tina, please watch the clips.' }),
    expect: authorOnly('coach', 422),
  },
};
