import type { RouteObject } from 'react-router';

/** The stock-clip library and calibration pages. Meant to sit inside `<RequireSignIn>`, under the app shell. */
export const libraryRoutes = [] as const satisfies readonly RouteObject[];
