import type { Logger } from 'pino';
import { type Auth, createAuth } from './auth/auth';
import { loadOrCreateSecret } from './auth/secret';
import type { Config } from './config';
import { createDatabase, type Db, migrateToLatest } from './db/database';
import { createLogger } from './logger';
import { type Mailer, OutboxMailer } from './mail/mailer';
import { AuditRepository } from './repositories/audit.repository';
import { CaseloadRepository } from './repositories/caseload.repository';
import { InvitationRepository } from './repositories/invitation.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { ProgramRepository } from './repositories/program.repository';
import { RateLimitRepository } from './repositories/rate-limit.repository';
import { RubricRepository } from './repositories/rubric.repository';
import { UserRepository } from './repositories/user.repository';
import { AccessService } from './services/access.service';
import { AccountService } from './services/account.service';
import { AuditService } from './services/audit.service';
import { CaseloadService } from './services/caseload.service';
import { HealthService } from './services/health.service';
import { OutboxService } from './services/outbox.service';
import { RateLimitService } from './services/rate-limit.service';
import { RubricService } from './services/rubric.service';
import { SetupService } from './services/setup.service';
import { createStorage } from './storage/create-storage';
import type { ObjectStorage } from './storage/storage';

function buildRepositories(db: Db) {
  return {
    audit: new AuditRepository(db),
    caseloads: new CaseloadRepository(db),
    invitations: new InvitationRepository(db),
    outbox: new OutboxRepository(db),
    programs: new ProgramRepository(db),
    rateLimits: new RateLimitRepository(db),
    rubrics: new RubricRepository(db),
    users: new UserRepository(db),
  };
}

function buildServices(
  db: Db,
  storage: ObjectStorage,
  auth: Auth,
  repos: Repositories,
  mailer: OutboxMailer,
) {
  const access = new AccessService(repos.caseloads, repos.programs);
  const audit = new AuditService(repos.audit, access);
  return {
    access,
    audit,
    health: new HealthService(db, storage),
    rubrics: new RubricService(repos.rubrics),
    rateLimits: new RateLimitService(repos.rateLimits),
    outbox: new OutboxService(repos.outbox, access),
    caseloads: new CaseloadService(repos.caseloads, repos.users, access, audit),
    accounts: new AccountService({ auth, ...repos, access, audit, mailer }),
    setup: new SetupService(auth, repos.programs, repos.users, repos.caseloads),
  };
}

type Repositories = ReturnType<typeof buildRepositories>;

/** Everything a request handler may use, built once at start-up. */
export interface AppContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Db;
  readonly storage: ObjectStorage;
  readonly auth: Auth;
  readonly mailer: Mailer;
  readonly repositories: Repositories;
  readonly services: ReturnType<typeof buildServices>;
  close(): Promise<void>;
}

/** Opens the database (migrated to the latest schema) and the store, and wires services. */
export async function createContext(config: Config, logger = createLogger(config.logLevel)) {
  const db = createDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    const storage = await createStorage(config.storage);
    const repositories = buildRepositories(db);
    const mailer = new OutboxMailer(repositories.outbox);
    const secret = loadOrCreateSecret(config.authSecret, config.dataDir);
    const auth = createAuth({ config, db, secret, mailer });
    const context: AppContext = {
      config,
      logger,
      db,
      storage,
      auth,
      mailer,
      repositories,
      services: buildServices(db, storage, auth, repositories, mailer),
      close: () => db.destroy(),
    };
    return context;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
