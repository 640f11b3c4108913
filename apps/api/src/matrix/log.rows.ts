import type { RouteCase } from './expect';

export const logMatrix: Record<string, RouteCase> = {};
