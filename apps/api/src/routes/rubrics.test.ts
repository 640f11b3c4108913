import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../testing/agent';
import { expectProblem } from '../testing/request';
import { createWorld, type World } from '../testing/world';

let world: World;
let teacher: Agent;
beforeAll(async () => {
  world = await createWorld();
  teacher = world.as('teacherOwner');
});
afterAll(() => world.api.close());

describe('GET /api/rubrics', () => {
  it('is for signed-in users only', async () => {
    const { res, body } = await world.as('anonymous').call('GET', '/api/rubrics', 401);
    expectProblem(res, body, 'unauthenticated');
  });

  it('lists the built-in MQI rubric with its counts', async () => {
    const { body } = await teacher.call<{ items: Array<Record<string, unknown>> }>(
      'GET',
      '/api/rubrics',
      200,
    );
    expect(body.items).toContainEqual(
      expect.objectContaining({ id: 'mqi-4pt', builtIn: true, domainCount: 4 }),
    );
  });

  it('also lists a rubric a program loaded into the database', async () => {
    const { body: mqi } = await teacher.call<Record<string, unknown>>(
      'GET',
      '/api/rubrics/mqi-4pt',
      200,
    );
    const loaded = { ...mqi, id: 'district-framework', name: 'District framework' };
    const now = new Date().toISOString();
    await world.api.ctx.db
      .insertInto('rubric')
      .values({
        id: 'district-framework',
        name: 'District framework',
        version: '1',
        document: JSON.stringify(loaded),
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { body } = await teacher.call<{ items: Array<{ id: string; builtIn: boolean }> }>(
      'GET',
      '/api/rubrics',
      200,
    );
    expect(body.items.map((r) => [r.id, r.builtIn])).toEqual([
      ['mqi-4pt', true],
      ['district-framework', false],
    ]);
    await teacher.call('GET', '/api/rubrics/district-framework', 200);
  });
});

describe('GET /api/rubrics/:id', () => {
  it('returns the whole MQI document: domains, codes, scales, attribution', async () => {
    const { body } = await teacher.call<{
      domains: Array<{ id: string }>;
      codes: Array<{ id: string; kind: string }>;
      attribution: { licence: string };
    }>('GET', '/api/rubrics/mqi-4pt', 200);
    expect(body.domains.map((d) => d.id)).toEqual(['RICH', 'WWSM', 'ERR', 'CCASP']);
    expect(body.codes.filter((c) => c.kind === 'whole-lesson')).toHaveLength(10);
    expect(body.codes.find((c) => c.id === 'STEXPL')).toBeDefined();
    expect(body.attribution.licence).toBe('CC BY-NC-ND 4.0');
  });

  it('answers an unknown rubric with a 404 problem', async () => {
    const { res, body } = await teacher.call('GET', '/api/rubrics/no-such-rubric', 404);
    expectProblem(res, body, 'not_found');
  });

  it('answers a malformed id with a 422 problem naming the parameter', async () => {
    const { res, body } = await teacher.call('GET', '/api/rubrics/%20bad%20id', 422);
    expectProblem(res, body, 'validation_failed');
    expect(body).toMatchObject({ errors: [expect.objectContaining({ path: '$.id' })] });
  });
});

describe('POST /api/rubrics/validate', () => {
  it('accepts a valid rubric file', async () => {
    const { body: mqi } = await teacher.call('GET', '/api/rubrics/mqi-4pt', 200);
    const { body } = await teacher.call('POST', '/api/rubrics/validate', 200, { json: mqi });
    expect(body).toMatchObject({ valid: true, rubric: { id: 'mqi-4pt' } });
  });

  it('reports every problem of a bad rubric file with its JSON path', async () => {
    const { res, body } = await teacher.call<{ errors: Array<{ path: string }> }>(
      'POST',
      '/api/rubrics/validate',
      422,
      { json: { id: 'x', name: 'X', codes: [{ id: 'A', scaleId: 'nope' }] } },
    );
    expectProblem(res, body, 'validation_failed');
    expect(body.errors.length).toBeGreaterThan(1);
    expect(body.errors.every((e) => e.path.startsWith('$'))).toBe(true);
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const { res, body } = await teacher.call('POST', '/api/rubrics/validate', 400, {
      body: '{"id": ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, body, 'malformed_json');
  });

  it('refuses a body that is not JSON with a 415 problem', async () => {
    const { res, body } = await teacher.call('POST', '/api/rubrics/validate', 415, {
      body: 'id=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, body, 'unsupported_media_type');
  });

  it('refuses a body over the size limit with a 413 problem', async () => {
    const { res, body } = await teacher.call('POST', '/api/rubrics/validate', 413, {
      body: `{"pad":"${'x'.repeat(1024 * 1024 + 10)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, body, 'payload_too_large');
  });
});
