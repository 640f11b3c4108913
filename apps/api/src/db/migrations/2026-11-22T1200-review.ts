import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// The review of a lesson: two clips, timestamped coded annotations with replies, a
// transcript, and what each viewer actually watched. Times are integer milliseconds.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lesson.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clip_lesson_position_idx')
    .on('clip')
    .columns(['lesson_id', 'position'])
    .unique()
    .execute();

  await db.schema
    .createTable('annotation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lesson.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('code_ids', 'text', (c) => c.notNull())
    .addColumn('teacher_does', 'text')
    .addColumn('students_do', 'text')
    .addColumn('rubric_relation', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('annotation_lesson_start_idx')
    .on('annotation')
    .columns(['lesson_id', 'start_ms'])
    .execute();

  await db.schema
    .createTable('annotation_reply')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('annotation_id', 'text', (c) =>
      c.notNull().references('annotation.id').onDelete('cascade'),
    )
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lesson.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reply_lesson_idx')
    .on('annotation_reply')
    .columns(['lesson_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('transcript')
    .addColumn('lesson_id', 'text', (c) =>
      c.primaryKey().references('lesson.id').onDelete('cascade'),
    )
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('cues', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('watch_progress')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lesson.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('intervals', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watch_progress_pk', ['lesson_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['watch_progress', 'transcript', 'annotation_reply', 'annotation', 'clip']) {
    await db.schema.dropTable(table).execute();
  }
}
