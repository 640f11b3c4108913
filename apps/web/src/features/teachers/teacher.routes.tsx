import type { RouteObject } from 'react-router';

/** The coach's (and admin's) view of one teacher. Meant to sit inside `<RequireSignIn>`. */
export const teacherRoutes = [] as const satisfies readonly RouteObject[];
