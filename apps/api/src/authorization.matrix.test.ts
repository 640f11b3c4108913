import { describe, expect, it } from 'vitest';
import type { RouteCase } from './matrix/expect';
import { MATRIX } from './matrix/index';
import { createWorld, PERSONAS } from './testing/world';

/**
 * Every route of the API x every persona -> the status it must answer. The routes come
 * from the app's own route table: a route with no row here fails the test, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */
async function routeTable(): Promise<string[]> {
  const world = await createWorld();
  const keys = world.api.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path}`);
  await world.api.close();
  return [...new Set(keys)];
}

const routes = await routeTable();

describe('authorization matrix', () => {
  it('has an expectation for every route the API serves, and no stale ones', () => {
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  describe.each(routes.filter((r) => r in MATRIX))('%s', (route) => {
    const spec = MATRIX[route] as RouteCase;
    const method = route.split(' ')[0] as string;
    it.each(PERSONAS)('as %s', async (persona) => {
      // A fresh copy of the world for each call: one persona's change never leaks into another's.
      const world = await createWorld();
      try {
        const body = spec.body?.(world);
        await world.as(persona).call(method, spec.path(world), spec.expect[persona], {
          ...(body !== undefined ? { json: body } : {}),
          ...(spec.raw
            ? { body: spec.raw.body, headers: { 'content-type': spec.raw.contentType } }
            : {}),
        });
      } finally {
        await world.api.close();
      }
    });
  });
});
