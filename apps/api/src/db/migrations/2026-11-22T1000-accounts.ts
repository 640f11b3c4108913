import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// Programs, the auth library's tables (their column names are the library's own), and
// caseloads, invitations, the outbox, the audit trail and rate-limit counters.

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // The auth library stores instants as Date: timestamptz on PostgreSQL; on SQLite it
  // writes ISO text into a column of declared type "date".
  const instant = isPostgres ? 'timestamptz' : 'date';
  const bool = isPostgres ? 'boolean' : 'integer';

  await db.schema
    .createTable('program')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('auth_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('emailVerified', bool, (c) => c.notNull())
    .addColumn('image', 'text')
    .addColumn('createdAt', instant, (c) => c.notNull())
    .addColumn('updatedAt', instant, (c) => c.notNull())
    .addColumn('programId', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('timeZone', 'text')
    .addColumn('deactivatedAt', instant)
    .execute();
  await db.schema
    .createIndex('auth_user_program_idx')
    .on('auth_user')
    .column('programId')
    .execute();

  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expiresAt', instant, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', instant, (c) => c.notNull())
    .addColumn('updatedAt', instant, (c) => c.notNull())
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .addColumn('userId', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('auth_session_userId_idx')
    .on('auth_session')
    .column('userId')
    .execute();

  await db.schema
    .createTable('auth_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accountId', 'text', (c) => c.notNull())
    .addColumn('providerId', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    .addColumn('accessToken', 'text')
    .addColumn('refreshToken', 'text')
    .addColumn('idToken', 'text')
    .addColumn('accessTokenExpiresAt', instant)
    .addColumn('refreshTokenExpiresAt', instant)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('createdAt', instant, (c) => c.notNull())
    .addColumn('updatedAt', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_account_userId_idx')
    .on('auth_account')
    .column('userId')
    .execute();

  await db.schema
    .createTable('auth_verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expiresAt', instant, (c) => c.notNull())
    .addColumn('createdAt', instant, (c) => c.notNull())
    .addColumn('updatedAt', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_verification_identifier_idx')
    .on('auth_verification')
    .column('identifier')
    .execute();

  await db.schema
    .createTable('caseload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('assigned_by', 'text', (c) => c.notNull().references('auth_user.id'))
    .execute();
  // One open assignment per teacher; closed ones stay as history.
  await sql`create unique index caseload_open_teacher_idx on caseload (teacher_id) where ends_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('caseload_coach_idx')
    .on('caseload')
    .columns(['coach_id', 'ends_at'])
    .execute();

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.references('program.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_program_idx')
    .on('outbox')
    .columns(['program_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.references('program.id'))
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('lesson_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('ip_address', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_program_at_idx')
    .on('audit_event')
    .columns(['program_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_actor_idx')
    .on('audit_event')
    .columns(['actor_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_lesson_idx')
    .on('audit_event')
    .columns(['lesson_id', 'at'])
    .execute();

  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'rate_limit',
    'audit_event',
    'outbox',
    'invitation',
    'caseload',
    'auth_verification',
    'auth_account',
    'auth_session',
    'auth_user',
    'program',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
