import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/test-api';
import { isPostgresRun } from '../testing/test-database';

let api: TestApi;
beforeEach(async () => {
  api = await createTestApi();
});
afterEach(() => api.close());

it('stores and looks up strings holding NUL on either database', async () => {
  const { db, repositories } = api.ctx;
  await db
    .insertInto('program')
    .values({ id: 'p1', name: 'North\u0000District', settings: '{}', created_at: 'now' })
    .execute();
  const { name } = await db
    .selectFrom('program')
    .select('name')
    .where('id', 'in', ['p1', 'x\u0000'])
    .executeTakeFirstOrThrow();
  // PostgreSQL text cannot hold U+0000: it becomes the replacement character there.
  expect(name).toBe(isPostgresRun() ? 'North\uFFFDDistrict' : 'North\u0000District');
  await expect(repositories.users.findByEmail('\u0000@school.test')).resolves.toBeUndefined();
});
