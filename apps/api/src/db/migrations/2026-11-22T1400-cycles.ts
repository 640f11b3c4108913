import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// The coaching cycle: the record, the coach's private preparation, the watching
// assignment, stock-clip scoring against master scores, the collaborative log (with every
// earlier version kept), the teacher's goals, and the reminders already sent.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cycle')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('focus_code_ids', 'text', (c) => c.notNull())
    .addColumn('goal_ids', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.references('lesson.id').onDelete('set null'))
    .addColumn('stock_clip_id', 'text', (c) => c.references('stock_clip.id').onDelete('set null'))
    .addColumn('stock_code_ids', 'text', (c) => c.notNull())
    .addColumn('video_due_on', 'text')
    .addColumn('meeting_at', 'text')
    .addColumn('held_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cycle_teacher_number_uq', ['teacher_id', 'number'])
    .execute();
  await db.schema.createIndex('cycle_program_idx').on('cycle').columns(['program_id']).execute();
  await db.schema
    .createIndex('cycle_coach_idx')
    .on('cycle')
    .columns(['coach_id', 'number'])
    .execute();
  await db.schema.createIndex('cycle_lesson_idx').on('cycle').columns(['lesson_id']).execute();

  // The planning guide's answers: the coach's alone.
  await db.schema
    .createTable('cycle_prep')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey().references('cycle.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cycle_assignment')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey().references('cycle.id').onDelete('cascade'))
    .addColumn('sent_by', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();

  // The teacher's scores of the cycle's stock clip; submitted_at fixes them and reveals
  // the master scores.
  await db.schema
    .createTable('stock_score')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id').onDelete('cascade'))
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_score_pk', ['cycle_id', 'code_id'])
    .execute();

  await db.schema
    .alterTable('stock_clip')
    .addColumn('lesson_id', 'text', (c) => c.references('lesson.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('stock_clip')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('master_score')
    .addColumn('stock_clip_id', 'text', (c) =>
      c.notNull().references('stock_clip.id').onDelete('cascade'),
    )
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('master_score_pk', ['stock_clip_id', 'code_id'])
    .execute();

  // The collaborative log: the current fields and a version for optimistic concurrency;
  // every saved version is kept in log_version.
  await db.schema
    .createTable('collab_log')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey().references('cycle.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log_version')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('log_version_pk', ['cycle_id', 'version'])
    .execute();

  // The goal-setting sheet: one goal per row and code; changed goals keep their history
  // by being archived and replaced.
  await db.schema
    .createTable('goal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('code_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('goal_teacher_idx').on('goal').columns(['teacher_id']).execute();

  // A reminder is sent once: its key (kind, cycle, the date it is about) is the primary key.
  await db.schema
    .createTable('reminder')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reminder',
    'goal',
    'log_version',
    'collab_log',
    'master_score',
    'stock_score',
    'cycle_assignment',
    'cycle_prep',
    'cycle',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('stock_clip').dropColumn('description').execute();
  await db.schema.alterTable('stock_clip').dropColumn('lesson_id').execute();
}
