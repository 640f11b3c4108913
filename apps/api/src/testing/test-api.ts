import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { type AppContext, createContext } from '../context';
import { dropTestDatabase, testDatabaseEnv } from './test-database';

export interface TestApi {
  app: ReturnType<typeof createApp>;
  ctx: AppContext;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A real API on a real, migrated database and local-disk store in a fresh temporary
 * data directory: what integration tests (and the web app's component tests) talk to.
 * The database is an SQLite file in the folder, or, in the PostgreSQL test project, a
 * database of its own on the run's throwaway server (dropped on close).
 */
export async function createTestApi(
  env: Record<string, string> = {},
  existingDataDir?: string,
): Promise<TestApi> {
  const dataDir = existingDataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-test-')));
  const database = env.DATABASE_URL ? {} : await testDatabaseEnv(dataDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...database,
    ...env,
  });
  const ctx = await createContext(config);
  return {
    app: createApp(ctx),
    ctx,
    dataDir,
    async close() {
      await ctx.close();
      await dropTestDatabase(dataDir);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
