import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// Lessons, their media files, multipart uploads and the media job queue.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lesson')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('taught_on', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('focus_code_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_reason', 'text')
    .addColumn('progress', 'integer')
    .addColumn('duration_ms', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lesson_teacher_idx')
    .on('lesson')
    .columns(['teacher_id', 'taught_on'])
    .execute();
  await db.schema
    .createIndex('lesson_program_idx')
    .on('lesson')
    .columns(['program_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('media_asset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lesson.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('meta', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_asset_lesson_kind_idx')
    .on('media_asset')
    .columns(['lesson_id', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createTable('upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lesson.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('store_upload_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('part_size', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('upload_user_state_idx')
    .on('upload')
    .columns(['user_id', 'state'])
    .execute();
  await db.schema
    .createIndex('upload_state_updated_idx')
    .on('upload')
    .columns(['state', 'updated_at'])
    .execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.references('lesson.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_claim_idx').on('job').columns(['state', 'run_after']).execute();
  // At most one live job of a kind per lesson: a re-sent completion enqueues nothing new.
  await sql`create unique index job_live_lesson_kind_idx on job (lesson_id, kind) where state in ('queued', 'running')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['job', 'upload', 'media_asset', 'lesson']) {
    await db.schema.dropTable(table).execute();
  }
}
