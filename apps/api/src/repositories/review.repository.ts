import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { AnnotationTable, ClipTable } from '../db/tables/review.table';
import type { Annotation, Clip, Reply, Visibility } from '../domain/review';

function toClip(r: Selectable<ClipTable>): Clip {
  return {
    id: r.id,
    lessonId: r.lesson_id,
    position: Number(r.position) as 1 | 2,
    startMs: Number(r.start_ms),
    endMs: Number(r.end_ms),
    summary: r.summary,
    reason: r.reason,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

type AnnotationRow = Selectable<AnnotationTable> & { author_name: string };

function toAnnotation(r: AnnotationRow, replies: Reply[]): Annotation {
  return {
    id: r.id,
    lessonId: r.lesson_id,
    authorId: r.author_id,
    authorName: r.author_name,
    visibility: r.visibility as Visibility,
    startMs: Number(r.start_ms),
    endMs: r.end_ms === null ? null : Number(r.end_ms),
    body: r.body,
    codeIds: JSON.parse(r.code_ids) as string[],
    teacherDoes: r.teacher_does,
    studentsDo: r.students_do,
    rubricRelation: r.rubric_relation,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    replies,
  };
}

export interface AnnotationInput {
  visibility: Visibility;
  startMs: number;
  endMs: number | null;
  body: string;
  codeIds: string[];
  teacherDoes: string | null;
  studentsDo: string | null;
  rubricRelation: string | null;
}

function annotationColumns(input: AnnotationInput) {
  return {
    visibility: input.visibility,
    start_ms: input.startMs,
    end_ms: input.endMs,
    body: input.body,
    code_ids: JSON.stringify(input.codeIds),
    teacher_does: input.teacherDoes,
    students_do: input.studentsDo,
    rubric_relation: input.rubricRelation,
  };
}

/** Clips, annotations and replies of lessons. */
export class ReviewRepository {
  constructor(private readonly db: Db) {}

  async clips(lessonId: string): Promise<Clip[]> {
    const rows = await this.db
      .selectFrom('clip')
      .selectAll()
      .where('lesson_id', '=', lessonId)
      .orderBy('position')
      .execute();
    return rows.map(toClip);
  }

  /** Sets clip 1 or 2 (creating or replacing it). */
  async putClip(
    lessonId: string,
    position: 1 | 2,
    input: Omit<Clip, 'id' | 'lessonId' | 'position' | 'updatedAt'>,
  ) {
    const now = new Date().toISOString();
    await this.db
      .insertInto('clip')
      .values({
        id: crypto.randomUUID(),
        lesson_id: lessonId,
        position,
        start_ms: input.startMs,
        end_ms: input.endMs,
        summary: input.summary,
        reason: input.reason,
        created_by: input.createdBy,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['lesson_id', 'position']).doUpdateSet({
          start_ms: input.startMs,
          end_ms: input.endMs,
          summary: input.summary,
          reason: input.reason,
          updated_at: now,
        }),
      )
      .execute();
  }

  async deleteClip(lessonId: string, position: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom('clip')
      .where('lesson_id', '=', lessonId)
      .where('position', '=', position)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /**
   * The lesson's annotations a viewer may see: every public one, and private ones only
   * of `privateAuthorId` (filtered here, in the query, never in the UI).
   */
  async annotations(lessonId: string, privateAuthorId: string | null): Promise<Annotation[]> {
    return this.loadAnnotations(lessonId, privateAuthorId);
  }

  /** One annotation with its replies, under the same visibility rule (after a write). */
  async annotation(
    lessonId: string,
    id: string,
    privateAuthorId: string | null,
  ): Promise<Annotation | undefined> {
    const [found] = await this.loadAnnotations(lessonId, privateAuthorId, id);
    return found;
  }

  private async loadAnnotations(
    lessonId: string,
    privateAuthorId: string | null,
    onlyId?: string,
  ): Promise<Annotation[]> {
    let query = this.db
      .selectFrom('annotation as a')
      .innerJoin('auth_user as u', 'u.id', 'a.author_id')
      .selectAll('a')
      .select('u.name as author_name')
      .where('a.lesson_id', '=', lessonId)
      .where((eb) =>
        privateAuthorId
          ? eb.or([eb('a.visibility', '=', 'public'), eb('a.author_id', '=', privateAuthorId)])
          : eb('a.visibility', '=', 'public'),
      );
    if (onlyId) query = query.where('a.id', '=', onlyId);
    const rows = await query.orderBy('a.start_ms').orderBy('a.created_at').execute();
    const replies = await this.repliesOf(lessonId, onlyId);
    return rows.map((r) => toAnnotation(r, replies.get(r.id) ?? []));
  }

  private async repliesOf(lessonId: string, annotationId?: string): Promise<Map<string, Reply[]>> {
    let query = this.db
      .selectFrom('annotation_reply as r')
      .innerJoin('auth_user as u', 'u.id', 'r.author_id')
      .selectAll('r')
      .select('u.name as author_name')
      .where('r.lesson_id', '=', lessonId);
    if (annotationId) query = query.where('r.annotation_id', '=', annotationId);
    const rows = await query.orderBy('r.created_at').execute();
    const byAnnotation = new Map<string, Reply[]>();
    for (const r of rows) {
      const list = byAnnotation.get(r.annotation_id) ?? [];
      list.push({
        id: r.id,
        annotationId: r.annotation_id,
        authorId: r.author_id,
        authorName: r.author_name,
        body: r.body,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      });
      byAnnotation.set(r.annotation_id, list);
    }
    return byAnnotation;
  }

  async findAnnotation(id: string) {
    return this.db.selectFrom('annotation').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async createAnnotation(
    lessonId: string,
    authorId: string,
    input: AnnotationInput,
  ): Promise<string> {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await this.db
      .insertInto('annotation')
      .values({
        id,
        lesson_id: lessonId,
        author_id: authorId,
        ...annotationColumns(input),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  async updateAnnotation(id: string, input: AnnotationInput): Promise<void> {
    await this.db
      .updateTable('annotation')
      .set({ ...annotationColumns(input), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async deleteAnnotation(id: string): Promise<void> {
    await this.db.deleteFrom('annotation').where('id', '=', id).execute();
  }

  async findReply(id: string) {
    return this.db
      .selectFrom('annotation_reply')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async createReply(
    annotationId: string,
    lessonId: string,
    authorId: string,
    body: string,
  ): Promise<string> {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await this.db
      .insertInto('annotation_reply')
      .values({
        id,
        annotation_id: annotationId,
        lesson_id: lessonId,
        author_id: authorId,
        body,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  async updateReply(id: string, body: string): Promise<void> {
    await this.db
      .updateTable('annotation_reply')
      .set({ body, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async deleteReply(id: string): Promise<void> {
    await this.db.deleteFrom('annotation_reply').where('id', '=', id).execute();
  }
}
