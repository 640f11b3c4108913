import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { MediaAssetTable } from '../db/tables/lesson.table';
import type { MediaAsset, MediaKind } from '../domain/lesson';

function toAsset(r: Selectable<MediaAssetTable>): MediaAsset {
  return {
    id: r.id,
    lessonId: r.lesson_id,
    kind: r.kind as MediaKind,
    storageKey: r.storage_key,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    meta: r.meta ? (JSON.parse(r.meta) as Record<string, unknown>) : null,
  };
}

/** The files of a lesson: the original, and what processing derived from it. */
export class MediaRepository {
  constructor(private readonly db: Db) {}

  /** Records (or replaces) the lesson's file of this kind. */
  async upsert(asset: Omit<MediaAsset, 'id'>): Promise<void> {
    const row = {
      id: crypto.randomUUID(),
      lesson_id: asset.lessonId,
      kind: asset.kind,
      storage_key: asset.storageKey,
      content_type: asset.contentType,
      size_bytes: asset.sizeBytes,
      meta: asset.meta ? JSON.stringify(asset.meta) : null,
      created_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('media_asset')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['lesson_id', 'kind']).doUpdateSet({
          storage_key: row.storage_key,
          content_type: row.content_type,
          size_bytes: row.size_bytes,
          meta: row.meta,
        }),
      )
      .execute();
  }

  async listForLesson(lessonId: string): Promise<MediaAsset[]> {
    const rows = await this.db
      .selectFrom('media_asset')
      .selectAll()
      .where('lesson_id', '=', lessonId)
      .execute();
    return rows.map(toAsset);
  }

  async remove(lessonId: string, kind: MediaKind): Promise<void> {
    await this.db
      .deleteFrom('media_asset')
      .where('lesson_id', '=', lessonId)
      .where('kind', '=', kind)
      .execute();
  }

  /** Bytes a teacher's lessons hold in the store (originals and derived files). */
  async bytesForTeacher(teacherId: string): Promise<number> {
    const row = await this.db
      .selectFrom('media_asset as m')
      .innerJoin('lesson as l', 'l.id', 'm.lesson_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('m.size_bytes'), eb.lit(0)).as('n'))
      .where('l.teacher_id', '=', teacherId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
