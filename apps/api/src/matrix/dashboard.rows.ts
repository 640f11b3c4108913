import type { RouteCase } from './expect';

export const dashboardMatrix: Record<string, RouteCase> = {};
