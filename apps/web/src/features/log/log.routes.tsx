import type { RouteObject } from 'react-router';

/** The log's printable page and the teacher's goals and year. Meant to sit inside `<RequireSignIn>`, under the app shell. */
export const logRoutes = [] as const satisfies readonly RouteObject[];
