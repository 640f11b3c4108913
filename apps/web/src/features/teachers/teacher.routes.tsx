import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const TeacherPage = lazy(() => import('./teacher.page'));

/** The coach's (and admin's) view of one teacher. Meant to sit inside `<RequireSignIn>`. */
export const teacherRoutes = [
  { path: 'teachers/:teacherId', element: <TeacherPage /> },
] as const satisfies readonly RouteObject[];
