import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// Indexes the district-scale benchmark's query plans asked for (test/bench/district.mjs
// --plans: 1,000 teachers, 15,000 cycles, 900,000 annotations).

export async function up(db: Kysely<any>): Promise<void> {
  // Cycles by program, teacher and number. Without it SQLite answered the coach
  // dashboard's `program_id = ? and teacher_id in (20 teachers) order by teacher_id,
  // number desc` through cycle_program_idx: every cycle of the program read, then sorted.
  // The research export's `program_id = ? order by teacher_id, number` sorted the whole
  // program. This index finds a caseload's cycles and returns the program's in order; it
  // starts with program_id, so it replaces cycle_program_idx.
  await db.schema
    .createIndex('cycle_program_teacher_number_idx')
    .on('cycle')
    .columns(['program_id', 'teacher_id', 'number'])
    .execute();
  await db.schema.dropIndex('cycle_program_idx').execute();

  // Every read of a lesson (its timeline, media, annotations) first asks whether the
  // lesson carries a stock clip's video (LessonService.isStockLesson): a scan of the
  // whole stock-clip library without this index.
  await db.schema
    .createIndex('stock_clip_lesson_idx')
    .on('stock_clip')
    .column('lesson_id')
    .execute();

  // Deleting an annotation cascades to its replies: without this index each delete scans
  // every reply of the program (148,000 in the benchmark's district).
  await db.schema
    .createIndex('reply_annotation_idx')
    .on('annotation_reply')
    .column('annotation_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reply_annotation_idx').execute();
  await db.schema.dropIndex('stock_clip_lesson_idx').execute();
  await db.schema.createIndex('cycle_program_idx').on('cycle').columns(['program_id']).execute();
  await db.schema.dropIndex('cycle_program_teacher_number_idx').execute();
}
