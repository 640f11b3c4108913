import type { Logger } from 'pino';
import type { Config } from './config';
import { createDatabase, type Db, migrateToLatest } from './db/database';
import { createLogger } from './logger';
import { RubricRepository } from './repositories/rubric.repository';
import { HealthService } from './services/health.service';
import { RubricService } from './services/rubric.service';
import { createStorage } from './storage/create-storage';
import type { ObjectStorage } from './storage/storage';

/** Everything a request handler may use, built once at start-up. */
export interface AppContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Db;
  readonly storage: ObjectStorage;
  readonly services: {
    readonly health: HealthService;
    readonly rubrics: RubricService;
  };
  close(): Promise<void>;
}

/** Opens the database (migrated to the latest schema) and the store, and wires services. */
export async function createContext(config: Config, logger = createLogger(config.logLevel)) {
  const db = createDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    const storage = await createStorage(config.storage);
    const context: AppContext = {
      config,
      logger,
      db,
      storage,
      services: {
        health: new HealthService(db, storage),
        rubrics: new RubricService(new RubricRepository(db)),
      },
      close: () => db.destroy(),
    };
    return context;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
