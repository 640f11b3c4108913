import type { RouteCase } from './expect';

export const libraryMatrix: Record<string, RouteCase> = {};
