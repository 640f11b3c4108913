import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, expectProblem } from '../testing/request';
import { createTestApi, type TestApi } from '../testing/test-api';
import { isPostgresRun } from '../testing/test-database';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('GET /api/health', () => {
  it('reports the database and the store as ok on a fresh data directory', async () => {
    api = await createTestApi();
    const { body, res } = await call(api.app, 'GET', '/api/health', 200);
    expect(body).toEqual({ status: 'ok', checks: { database: 'ok', storage: 'ok' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The embedded default keeps the database as a file in the data folder.
    if (!isPostgresRun()) {
      await expect(fs.stat(path.join(api.dataDir, 'elevate.sqlite'))).resolves.toBeTruthy();
    }
  });

  it('answers 503 and names the failing check when the store cannot be written', async () => {
    api = await createTestApi();
    await fs.rm(path.join(api.dataDir, 'media'), { recursive: true });
    await fs.writeFile(path.join(api.dataDir, 'media'), 'not a folder');
    const { body } = await call(api.app, 'GET', '/api/health', 503);
    expect(body).toEqual({ status: 'degraded', checks: { database: 'ok', storage: 'failing' } });
  });

  it('answers 503 when the database is closed', async () => {
    api = await createTestApi();
    await api.ctx.db.destroy();
    const { body } = await call(api.app, 'GET', '/api/health', 503);
    expect(body).toMatchObject({ checks: { database: 'failing' } });
    api.ctx.close = async () => {};
  });

  it('keeps a sane client request id and echoes it', async () => {
    api = await createTestApi();
    const { res } = await call(api.app, 'GET', '/api/health', 200, {
      headers: { 'x-request-id': 'support-ticket-1234' },
    });
    expect(res.headers.get('x-request-id')).toBe('support-ticket-1234');
  });
});

describe('unknown routes', () => {
  it('answers an unknown API path with a 404 problem', async () => {
    api = await createTestApi();
    const { res, body } = await call(api.app, 'GET', '/api/nothing-here', 404);
    expectProblem(res, body, 'route_not_found');
  });
});
