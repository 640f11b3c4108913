import type {
  AuditEventTable,
  AuthAccountTable,
  AuthSessionTable,
  AuthUserTable,
  AuthVerificationTable,
  CaseloadTable,
  InvitationTable,
  OutboxTable,
  ProgramTable,
  RateLimitTable,
} from './account.table';
import type {
  CollabLogTable,
  CycleAssignmentTable,
  CyclePrepTable,
  CycleTable,
  GoalTable,
  LogVersionTable,
  MasterScoreTable,
  ReminderTable,
  StockScoreTable,
} from './cycle.table';
import type { JobTable, LessonTable, MediaAssetTable, UploadTable } from './lesson.table';
import type {
  AnnotationReplyTable,
  AnnotationTable,
  ClipTable,
  StockClipTable,
  TranscriptTable,
  WatchProgressTable,
} from './review.table';
import type { RubricTable } from './rubric.table';

/** Every table Kysely may touch. Repositories are the only importers of this type. */
export interface Database {
  rubric: RubricTable;
  program: ProgramTable;
  auth_user: AuthUserTable;
  auth_session: AuthSessionTable;
  auth_account: AuthAccountTable;
  auth_verification: AuthVerificationTable;
  caseload: CaseloadTable;
  invitation: InvitationTable;
  outbox: OutboxTable;
  audit_event: AuditEventTable;
  rate_limit: RateLimitTable;
  lesson: LessonTable;
  media_asset: MediaAssetTable;
  upload: UploadTable;
  job: JobTable;
  clip: ClipTable;
  annotation: AnnotationTable;
  annotation_reply: AnnotationReplyTable;
  transcript: TranscriptTable;
  watch_progress: WatchProgressTable;
  stock_clip: StockClipTable;
  cycle: CycleTable;
  cycle_prep: CyclePrepTable;
  cycle_assignment: CycleAssignmentTable;
  stock_score: StockScoreTable;
  master_score: MasterScoreTable;
  collab_log: CollabLogTable;
  log_version: LogVersionTable;
  goal: GoalTable;
  reminder: ReminderTable;
}
