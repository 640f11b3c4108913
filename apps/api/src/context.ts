import path from 'node:path';
import type { Logger } from 'pino';
import { type Auth, createAuth } from './auth/auth';
import { loadOrCreateSecret } from './auth/secret';
import type { Config } from './config';
import { createDatabase, type Db, migrateToLatest } from './db/database';
import { createLogger } from './logger';
import { createMailer } from './mail/create-mailer';
import type { Mailer } from './mail/mailer';
import { AuditRepository } from './repositories/audit.repository';
import { CaseloadRepository } from './repositories/caseload.repository';
import { CycleRepository } from './repositories/cycle.repository';
import { InvitationRepository } from './repositories/invitation.repository';
import { JobRepository } from './repositories/job.repository';
import { LessonRepository } from './repositories/lesson.repository';
import { MediaRepository } from './repositories/media.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { ProgramRepository } from './repositories/program.repository';
import { RateLimitRepository } from './repositories/rate-limit.repository';
import { ReviewRepository } from './repositories/review.repository';
import { RubricRepository } from './repositories/rubric.repository';
import { StockClipRepository } from './repositories/stock-clip.repository';
import { TranscriptRepository } from './repositories/transcript.repository';
import { UploadRepository } from './repositories/upload.repository';
import { UserRepository } from './repositories/user.repository';
import { AccessService } from './services/access.service';
import { AccountService } from './services/account.service';
import { AuditService } from './services/audit.service';
import { CaseloadService } from './services/caseload.service';
import { coachingServices } from './services/coaching.wiring';
import { CycleService } from './services/cycle.service';
import { dashboardServices } from './services/dashboard.wiring';
import { DemoService } from './services/demo.service';
import { HealthService } from './services/health.service';
import { JobRunner } from './services/job-runner';
import { LessonService } from './services/lesson.service';
import { libraryServices } from './services/library.wiring';
import { logServices } from './services/log.wiring';
import { MediaProcessingService } from './services/media-processing.service';
import { OutboxService } from './services/outbox.service';
import { PlaybackService } from './services/playback.service';
import { RateLimitService } from './services/rate-limit.service';
import { ReviewService } from './services/review.service';
import { RubricService } from './services/rubric.service';
import { SetupService } from './services/setup.service';
import { TranscriptService } from './services/transcript.service';
import { PROCESS_LESSON_JOB, UploadService } from './services/upload.service';
import { createStorage } from './storage/create-storage';
import type { ObjectStorage } from './storage/storage';

function buildRepositories(db: Db) {
  return {
    audit: new AuditRepository(db),
    caseloads: new CaseloadRepository(db),
    cycles: new CycleRepository(db),
    invitations: new InvitationRepository(db),
    jobs: new JobRepository(db),
    lessons: new LessonRepository(db),
    media: new MediaRepository(db),
    uploads: new UploadRepository(db),
    outbox: new OutboxRepository(db),
    programs: new ProgramRepository(db),
    rateLimits: new RateLimitRepository(db),
    review: new ReviewRepository(db),
    rubrics: new RubricRepository(db),
    stockClips: new StockClipRepository(db),
    transcripts: new TranscriptRepository(db),
    users: new UserRepository(db),
  };
}

function buildServices(
  config: Config,
  logger: Logger,
  db: Db,
  storage: ObjectStorage,
  auth: Auth,
  repos: Repositories,
  mailer: Mailer,
) {
  const access = new AccessService(repos.caseloads, repos.programs);
  const audit = new AuditService(repos.audit, access);
  const lessons = new LessonService({ ...repos, access, audit, storage });
  const processing = new MediaProcessingService({
    ...repos,
    storage,
    workDir: path.join(config.dataDir, 'work'),
    logger,
  });
  const runner = new JobRunner(
    repos.jobs,
    { [PROCESS_LESSON_JOB]: (job, heartbeat) => processing.process(job, heartbeat) },
    logger,
  );
  const uploads = new UploadService({
    ...repos,
    lessonService: lessons,
    storage,
    audit,
    limits: config.uploads,
    onJobQueued: () => runner.nudge(),
  });
  const review = new ReviewService({
    review: repos.review,
    users: repos.users,
    lessons,
    access,
    audit,
  });
  const cycles = new CycleService({ ...repos, access, audit });
  // A teacher's new lesson becomes the video of their open cycle.
  lessons.onCreated = (lesson) => cycles.attachLesson(lesson);
  const caseloads = new CaseloadService(repos.caseloads, repos.users, access, audit);
  // A teacher who moves to another coach takes their unfinished cycles along; the former
  // coach's private preparation stays theirs (it is filtered by author).
  caseloads.onCoachChanged = async (teacherId, coachId) => {
    await repos.cycles.reassignOpen(teacherId, coachId);
  };
  const deps = {
    config,
    logger,
    db,
    storage,
    mailer,
    access,
    audit,
    lessons,
    uploads,
    review,
    cycles,
  };
  return {
    access,
    audit,
    lessons,
    processing,
    runner,
    uploads,
    review,
    cycles,
    health: new HealthService(db, storage),
    rubrics: new RubricService(repos.rubrics),
    rateLimits: new RateLimitService(repos.rateLimits),
    outbox: new OutboxService(repos.outbox, access),
    caseloads,
    accounts: new AccountService({ auth, ...repos, access, audit, mailer }),
    setup: new SetupService(auth, repos.programs, repos.users, repos.caseloads, repos.stockClips),
    playback: new PlaybackService({ lessons, media: repos.media, storage, access, audit }),
    demo: new DemoService({ ...repos, db, storage }),
    transcripts: new TranscriptService({
      transcripts: repos.transcripts,
      review: repos.review,
      lessons,
      access,
    }),
    ...libraryServices(deps),
    ...logServices(deps),
    ...coachingServices(deps),
    ...dashboardServices(deps),
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
    const mailer = createMailer(config, repositories.outbox);
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
      services: buildServices(config, logger, db, storage, auth, repositories, mailer),
      close: async () => {
        await context.services.runner.stop();
        await db.destroy();
      },
    };
    return context;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
