import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { StockClipTable } from '../db/tables/review.table';

export interface StockClip {
  id: string;
  pseudonym: string;
  title: string;
  grade: string;
  topic: string;
  codeIds: string[];
  isPlaceholder: boolean;
}

/** A library entry with its description and the lesson that carries its video. */
export interface StockClipRecord extends StockClip {
  programId: string;
  description: string;
  lessonId: string | null;
  createdAt: string;
}

/** A master coder's score of one code on a stock clip. */
export interface MasterScore {
  codeId: string;
  level: string;
  rationale: string;
}

export interface StockClipFilter {
  /** Words to find in the pseudonym, title, topic or description. */
  text?: string | undefined;
  grade?: string | undefined;
  codeId?: string | undefined;
}

export type StockClipFields = Omit<StockClip, 'id'> & {
  description?: string;
  lessonId?: string | null;
};

function toRecord(r: Selectable<StockClipTable>): StockClipRecord {
  return {
    id: r.id,
    programId: r.program_id,
    pseudonym: r.pseudonym,
    title: r.title,
    grade: r.grade,
    topic: r.topic,
    description: r.description,
    codeIds: JSON.parse(r.code_ids) as string[],
    isPlaceholder: Boolean(r.is_placeholder),
    lessonId: r.lesson_id,
    createdAt: r.created_at,
  };
}

/** The program's stock-clip library and the master scores of its clips. */
export class StockClipRepository {
  constructor(private readonly db: Db) {}

  /** The program's clips, by title; filters are applied here so both databases agree. */
  async listForProgram(
    programId: string,
    filter: StockClipFilter = {},
  ): Promise<StockClipRecord[]> {
    const rows = await this.db
      .selectFrom('stock_clip')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('title')
      .orderBy('id')
      .execute();
    // A library holds tens of clips: filtering in memory keeps the text match identical on
    // SQLite and PostgreSQL (case, accents) and the JSON code list needs no dialect SQL.
    const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return rows.map(toRecord).filter((clip) => {
      if (filter.grade && clip.grade.toLowerCase() !== filter.grade.toLowerCase()) return false;
      if (filter.codeId && !clip.codeIds.includes(filter.codeId)) return false;
      const haystack =
        `${clip.pseudonym} ${clip.title} ${clip.topic} ${clip.description}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }

  async findById(id: string): Promise<StockClipRecord | undefined> {
    const row = await this.db
      .selectFrom('stock_clip')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** The clip whose video this lesson carries, if any. */
  async findByLesson(lessonId: string): Promise<StockClipRecord | undefined> {
    const row = await this.db
      .selectFrom('stock_clip')
      .selectAll()
      .where('lesson_id', '=', lessonId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Ids of the lessons that carry stock-clip videos (never a teacher's lesson). */
  async lessonIds(programId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('stock_clip')
      .select('lesson_id')
      .where('program_id', '=', programId)
      .where('lesson_id', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.lesson_id as string));
  }

  async create(
    programId: string,
    clip: StockClipFields,
    masterScores: readonly MasterScore[] = [],
  ): Promise<string> {
    const id = crypto.randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('stock_clip')
        .values({
          id,
          program_id: programId,
          pseudonym: clip.pseudonym,
          title: clip.title,
          grade: clip.grade,
          topic: clip.topic,
          code_ids: JSON.stringify(clip.codeIds),
          is_placeholder: clip.isPlaceholder ? 1 : 0,
          lesson_id: clip.lessonId ?? null,
          description: clip.description ?? '',
          created_at: new Date().toISOString(),
        })
        .execute();
      if (masterScores.length) {
        await trx
          .insertInto('master_score')
          .values(masterScores.map((m) => toMasterRow(id, m)))
          .execute();
      }
    });
    return id;
  }

  /** Changes the clip's fields and, when given, replaces its master scores, all at once. */
  async update(
    id: string,
    patch: Partial<StockClipFields>,
    masterScores?: readonly MasterScore[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const set: Partial<Selectable<StockClipTable>> = {};
      if (patch.pseudonym !== undefined) set.pseudonym = patch.pseudonym;
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.grade !== undefined) set.grade = patch.grade;
      if (patch.topic !== undefined) set.topic = patch.topic;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.codeIds !== undefined) set.code_ids = JSON.stringify(patch.codeIds);
      if (patch.isPlaceholder !== undefined) set.is_placeholder = patch.isPlaceholder ? 1 : 0;
      if (patch.lessonId !== undefined) set.lesson_id = patch.lessonId;
      if (Object.keys(set).length) {
        await trx.updateTable('stock_clip').set(set).where('id', '=', id).execute();
      }
      if (masterScores) {
        await trx.deleteFrom('master_score').where('stock_clip_id', '=', id).execute();
        if (masterScores.length) {
          await trx
            .insertInto('master_score')
            .values(masterScores.map((m) => toMasterRow(id, m)))
            .execute();
        }
      }
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('master_score').where('stock_clip_id', '=', id).execute();
      await trx.deleteFrom('stock_clip').where('id', '=', id).execute();
    });
  }

  /** Master scores of these clips, keyed by clip id, in the order of each clip's codes. */
  async masterScores(clipIds: readonly string[]): Promise<Map<string, MasterScore[]>> {
    const out = new Map<string, MasterScore[]>();
    if (clipIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('master_score')
      .selectAll()
      .where('stock_clip_id', 'in', clipIds)
      .execute();
    for (const r of rows) {
      const list = out.get(r.stock_clip_id) ?? [];
      list.push({ codeId: r.code_id, level: r.level, rationale: r.rationale });
      out.set(r.stock_clip_id, list);
    }
    return out;
  }

  /** How many cycles use the clip: their scores are compared with its master scores. */
  async cycleCount(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('cycle')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('stock_clip_id', '=', id)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Whether the teacher has submitted their scores of this clip in one of their cycles:
   * the condition under which a teacher may see its master scores.
   */
  async isSubmittedBy(teacherId: string, clipId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('cycle')
      .innerJoin('stock_score', 'stock_score.cycle_id', 'cycle.id')
      .select('cycle.id')
      .where('cycle.teacher_id', '=', teacherId)
      .where('cycle.stock_clip_id', '=', clipId)
      .where('stock_score.submitted_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}

function toMasterRow(clipId: string, m: MasterScore) {
  return { stock_clip_id: clipId, code_id: m.codeId, level: m.level, rationale: m.rationale };
}
