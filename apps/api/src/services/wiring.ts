import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import type { ObjectStorage } from '../storage/storage';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { CycleService } from './cycle.service';
import type { LessonService } from './lesson.service';
import type { ReviewService } from './review.service';
import type { UploadService } from './upload.service';

/**
 * What each coaching-cycle feature (library, log, coaching, dashboards) is built from.
 * A feature's wiring file builds its own repositories from `db` and returns its services,
 * so features grow without every change passing through context.ts.
 */
export interface FeatureDeps {
  config: Config;
  logger: Logger;
  db: Db;
  storage: ObjectStorage;
  mailer: Mailer;
  access: AccessService;
  audit: AuditService;
  lessons: LessonService;
  uploads: UploadService;
  review: ReviewService;
  cycles: CycleService;
}
