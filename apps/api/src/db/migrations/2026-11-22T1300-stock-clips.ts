import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// The program's stock-clip library (clips of other teachers' instruction, scored by
// masters); its media and master scores arrive with the coaching-cycle work.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stock_clip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id'))
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('code_ids', 'text', (c) => c.notNull())
    .addColumn('is_placeholder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_clip_program_idx')
    .on('stock_clip')
    .columns(['program_id', 'title'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stock_clip').execute();
}
