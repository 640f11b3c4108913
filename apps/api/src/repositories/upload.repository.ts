import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { UploadTable } from '../db/tables/lesson.table';

export const UPLOAD_STATES = {
  active: 'active',
  completed: 'completed',
  aborted: 'aborted',
} as const;
export type UploadState = (typeof UPLOAD_STATES)[keyof typeof UPLOAD_STATES];

export interface Upload {
  id: string;
  programId: string;
  lessonId: string;
  userId: string;
  key: string;
  storeUploadId: string | null;
  fileName: string;
  size: number;
  contentType: string;
  partSize: number;
  state: UploadState;
  createdAt: string;
  updatedAt: string;
}

function toUpload(r: Selectable<UploadTable>): Upload {
  return {
    id: r.id,
    programId: r.program_id,
    lessonId: r.lesson_id,
    userId: r.user_id,
    key: r.storage_key,
    storeUploadId: r.store_upload_id,
    fileName: r.file_name,
    size: Number(r.size_bytes),
    contentType: r.content_type,
    partSize: Number(r.part_size),
    state: r.state as UploadState,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Multipart upload sessions: the server's own record of every upload it signs for. */
export class UploadRepository {
  constructor(private readonly db: Db) {}

  async create(u: Omit<Upload, 'createdAt' | 'updatedAt' | 'state'>): Promise<Upload> {
    const now = new Date().toISOString();
    const row = {
      id: u.id,
      program_id: u.programId,
      lesson_id: u.lessonId,
      user_id: u.userId,
      storage_key: u.key,
      store_upload_id: u.storeUploadId,
      file_name: u.fileName,
      size_bytes: u.size,
      content_type: u.contentType,
      part_size: u.partSize,
      state: UPLOAD_STATES.active,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('upload').values(row).execute();
    return toUpload(row);
  }

  async findById(id: string): Promise<Upload | undefined> {
    const row = await this.db
      .selectFrom('upload')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUpload(row) : undefined;
  }

  async findByStoreUploadId(storeUploadId: string): Promise<Upload | undefined> {
    const row = await this.db
      .selectFrom('upload')
      .selectAll()
      .where('store_upload_id', '=', storeUploadId)
      .executeTakeFirst();
    return row ? toUpload(row) : undefined;
  }

  async activeForLesson(lessonId: string): Promise<Upload | undefined> {
    const row = await this.db
      .selectFrom('upload')
      .selectAll()
      .where('lesson_id', '=', lessonId)
      .where('state', '=', UPLOAD_STATES.active)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? toUpload(row) : undefined;
  }

  /** Bytes the user's unfinished uploads will take, for the quota. */
  async activeBytesForUser(userId: string, exceptLessonId?: string): Promise<number> {
    let query = this.db
      .selectFrom('upload')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('n'))
      .where('user_id', '=', userId)
      .where('state', '=', UPLOAD_STATES.active);
    if (exceptLessonId) query = query.where('lesson_id', '!=', exceptLessonId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  /** Moves an upload from one state to another; false when it was not in `from`. */
  async transition(id: string, from: UploadState, to: UploadState): Promise<boolean> {
    const result = await this.db
      .updateTable('upload')
      .set({ state: to, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touch(id: string): Promise<void> {
    await this.db
      .updateTable('upload')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async listStale(before: string): Promise<Upload[]> {
    const rows = await this.db
      .selectFrom('upload')
      .selectAll()
      .where('state', '=', UPLOAD_STATES.active)
      .where('updated_at', '<', before)
      .execute();
    return rows.map(toUpload);
  }
}
