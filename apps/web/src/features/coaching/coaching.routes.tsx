import type { RouteObject } from 'react-router';

/** The conversation view. Meant to sit inside `<RequireSignIn>`, under the app shell. */
export const coachingRoutes = [] as const satisfies readonly RouteObject[];
