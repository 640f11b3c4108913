import type { Db } from '../db/database';

export interface StockClip {
  id: string;
  pseudonym: string;
  title: string;
  grade: string;
  topic: string;
  codeIds: string[];
  isPlaceholder: boolean;
}

/** The program's stock-clip library. */
export class StockClipRepository {
  constructor(private readonly db: Db) {}

  async listForProgram(programId: string): Promise<StockClip[]> {
    const rows = await this.db
      .selectFrom('stock_clip')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('title')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      pseudonym: r.pseudonym,
      title: r.title,
      grade: r.grade,
      topic: r.topic,
      codeIds: JSON.parse(r.code_ids) as string[],
      isPlaceholder: Boolean(r.is_placeholder),
    }));
  }

  async create(programId: string, clip: Omit<StockClip, 'id'>): Promise<string> {
    const id = crypto.randomUUID();
    await this.db
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
        lesson_id: null,
        description: '',
        created_at: new Date().toISOString(),
      })
      .execute();
    return id;
  }
}
