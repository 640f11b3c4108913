import type { Role } from '../../api/client';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  coach: 'Coach',
  teacher: 'Teacher',
};

/** Roles in the order a select offers them: the most common first. */
export const ROLE_OPTIONS: readonly Role[] = ['teacher', 'coach', 'admin'];

const EVERYONE: readonly Role[] = ['admin', 'coach', 'teacher'];

/**
 * The app's top-level pages and who may open each: the navigation and the route guards
 * both read this, so a page is never linked for a role that would be turned away. The
 * API enforces the same rules; this only keeps the UI honest about them.
 */
export const PAGES = {
  home: { to: '/', label: 'Home', roles: EVERYONE },
  users: { to: '/admin/users', label: 'Users', roles: ['admin'] },
  caseloads: { to: '/admin/caseloads', label: 'Caseloads', roles: ['admin'] },
  outbox: { to: '/admin/outbox', label: 'Outbox', roles: ['admin'] },
  audit: { to: '/admin/audit', label: 'Audit trail', roles: ['admin'] },
  myTeachers: { to: '/caseload', label: 'My teachers', roles: ['coach'] },
  // One list at /lessons, named for who reads it: a teacher's own, a coach's teachers'.
  myLessons: { to: '/lessons', label: 'My lessons', roles: ['teacher'] },
  lessons: { to: '/lessons', label: 'Lessons', roles: ['coach'] },
  newLesson: { to: '/lessons/new', label: 'New lesson', roles: ['teacher'] },
  rubrics: { to: '/rubrics', label: 'Rubrics', roles: EVERYONE },
  cycles: { to: '/cycles', label: 'Cycles', roles: ['coach', 'teacher'] },
  library: { to: '/library', label: 'Stock clips', roles: EVERYONE },
  goals: { to: '/goals', label: 'My goals', roles: ['teacher'] },
} as const satisfies Record<string, { to: string; label: string; roles: readonly Role[] }>;

export type Page = (typeof PAGES)[keyof typeof PAGES];

const NAV_ORDER: readonly Page[] = [
  PAGES.home,
  PAGES.users,
  PAGES.caseloads,
  PAGES.outbox,
  PAGES.audit,
  PAGES.myTeachers,
  PAGES.myLessons,
  PAGES.lessons,
  PAGES.cycles,
  PAGES.goals,
  PAGES.library,
  PAGES.rubrics,
];

/** Who may open the lesson list at /lessons (teachers and coaches, each their own view). */
export const LESSON_LIST_ROLES: readonly Role[] = ['teacher', 'coach'];

export function mayOpen(page: { roles: readonly Role[] }, role: Role): boolean {
  return page.roles.includes(role);
}

/** The navigation a role sees, in order. */
export function navFor(role: Role): Page[] {
  return NAV_ORDER.filter((page) => mayOpen(page, role));
}
