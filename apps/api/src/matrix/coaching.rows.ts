import type { RouteCase } from './expect';

export const coachingMatrix: Record<string, RouteCase> = {};
