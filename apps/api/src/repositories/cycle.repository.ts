import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { CycleTable } from '../db/tables/cycle.table';
import { isUniqueViolation } from '../db/unique-violation';
import type { Cycle } from '../domain/cycle';
import { EMPTY_LOG, type LogFields } from '../domain/log';
import { coveredMs, type Interval } from '../review/intervals';

function toCycle(r: Selectable<CycleTable>): Cycle {
  return {
    id: r.id,
    programId: r.program_id,
    teacherId: r.teacher_id,
    coachId: r.coach_id,
    number: Number(r.number),
    focusCodeIds: JSON.parse(r.focus_code_ids) as string[],
    goalIds: JSON.parse(r.goal_ids) as string[],
    lessonId: r.lesson_id,
    stockClipId: r.stock_clip_id,
    stockCodeIds: JSON.parse(r.stock_code_ids) as string[],
    videoDueOn: r.video_due_on,
    meetingAt: r.meeting_at,
    heldAt: r.held_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type CyclePatch = Partial<
  Pick<
    Cycle,
    | 'focusCodeIds'
    | 'goalIds'
    | 'lessonId'
    | 'stockClipId'
    | 'stockCodeIds'
    | 'videoDueOn'
    | 'meetingAt'
    | 'heldAt'
    | 'coachId'
  >
>;

/** What the stage and the dashboards need about each cycle, loaded for many at once. */
export interface CycleFacts {
  lesson: { id: string; title: string; taughtOn: string; state: string } | null;
  assignedAt: string | null;
  logCompletedAt: string | null;
  /** Null when there is no stock clip; otherwise whether the scores were submitted. */
  stockSubmitted: boolean | null;
  /** Share of clip 1 and clip 2 the teacher has watched (0..1); null for a missing clip. */
  clipWatched: [number | null, number | null];
}

/** Coaching cycles: the record and the facts its stage follows from. */
export class CycleRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<Cycle | undefined> {
    const row = await this.db
      .selectFrom('cycle')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toCycle(row);
  }

  /** Cycles of these teachers, newest number first per teacher. */
  async listForTeachers(programId: string, teacherIds: readonly string[]): Promise<Cycle[]> {
    if (teacherIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('cycle')
      .selectAll()
      .where('program_id', '=', programId)
      .where('teacher_id', 'in', teacherIds)
      .orderBy('teacher_id')
      .orderBy('number', 'desc')
      .execute();
    return rows.map(toCycle);
  }

  async listForProgram(programId: string): Promise<Cycle[]> {
    const rows = await this.db
      .selectFrom('cycle')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('teacher_id')
      .orderBy('number')
      .execute();
    return rows.map(toCycle);
  }

  async latestFor(teacherId: string): Promise<Cycle | undefined> {
    const row = await this.db
      .selectFrom('cycle')
      .selectAll()
      .where('teacher_id', '=', teacherId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toCycle(row);
  }

  /** The teacher's cycle that reviews this lesson, if any. */
  async findByLesson(lessonId: string): Promise<Cycle | undefined> {
    const row = await this.db
      .selectFrom('cycle')
      .selectAll()
      .where('lesson_id', '=', lessonId)
      .executeTakeFirst();
    return row && toCycle(row);
  }

  /**
   * Opens the teacher's next cycle. The number is taken inside the insert's transaction
   * and guarded by the (teacher, number) unique constraint, so two coaches clicking at
   * once cannot make two cycle 3s.
   */
  async create(
    input: Omit<Cycle, 'id' | 'number' | 'createdAt' | 'updatedAt' | 'heldAt'>,
  ): Promise<Cycle> {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    const insert = () =>
      this.db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('cycle')
          .select((eb) => eb.fn.max('number').as('n'))
          .where('teacher_id', '=', input.teacherId)
          .executeTakeFirst();
        await trx
          .insertInto('cycle')
          .values({
            id,
            program_id: input.programId,
            teacher_id: input.teacherId,
            coach_id: input.coachId,
            number: Number(last?.n ?? 0) + 1,
            focus_code_ids: JSON.stringify(input.focusCodeIds),
            goal_ids: JSON.stringify(input.goalIds),
            lesson_id: input.lessonId,
            stock_clip_id: input.stockClipId,
            stock_code_ids: JSON.stringify(input.stockCodeIds),
            video_due_on: input.videoDueOn,
            meeting_at: input.meetingAt,
            held_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      });
    // Two openings at once can read the same last number; the loser takes the next one.
    for (let attempt = 1; ; attempt++) {
      try {
        await insert();
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err;
      }
    }
    return (await this.findById(id)) as Cycle;
  }

  async update(id: string, patch: CyclePatch): Promise<Cycle> {
    const set: Partial<Omit<Selectable<CycleTable>, 'number'>> = {
      updated_at: new Date().toISOString(),
    };
    if (patch.focusCodeIds) set.focus_code_ids = JSON.stringify(patch.focusCodeIds);
    if (patch.goalIds) set.goal_ids = JSON.stringify(patch.goalIds);
    if (patch.stockCodeIds) set.stock_code_ids = JSON.stringify(patch.stockCodeIds);
    if (patch.lessonId !== undefined) set.lesson_id = patch.lessonId;
    if (patch.stockClipId !== undefined) set.stock_clip_id = patch.stockClipId;
    if (patch.videoDueOn !== undefined) set.video_due_on = patch.videoDueOn;
    if (patch.meetingAt !== undefined) set.meeting_at = patch.meetingAt;
    if (patch.heldAt !== undefined) set.held_at = patch.heldAt;
    if (patch.coachId !== undefined) set.coach_id = patch.coachId;
    await this.db.updateTable('cycle').set(set).where('id', '=', id).execute();
    return (await this.findById(id)) as Cycle;
  }

  /** The cycle's log as last saved, or null before anyone wrote in it. */
  async logFields(cycleId: string): Promise<LogFields | null> {
    const row = await this.db
      .selectFrom('collab_log')
      .select('fields')
      .where('cycle_id', '=', cycleId)
      .executeTakeFirst();
    return row ? { ...EMPTY_LOG, ...(JSON.parse(row.fields) as Partial<LogFields>) } : null;
  }

  async hasStockClip(programId: string, stockClipId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('stock_clip')
      .select('id')
      .where('id', '=', stockClipId)
      .where('program_id', '=', programId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Which of these goal ids are the teacher's own goals. */
  async goalsOf(teacherId: string, goalIds: readonly string[]): Promise<Set<string>> {
    if (goalIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('goal')
      .select('id')
      .where('teacher_id', '=', teacherId)
      .where('id', 'in', goalIds)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Display names of users, by id. */
  async namesOf(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('auth_user')
      .select(['id', 'name'])
      .where('id', 'in', userIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Hands the teacher's unfinished cycles (log not completed) to their new coach. */
  async reassignOpen(teacherId: string, coachId: string): Promise<number> {
    const r = await this.db
      .updateTable('cycle')
      .set({ coach_id: coachId, updated_at: new Date().toISOString() })
      .where('teacher_id', '=', teacherId)
      .where('coach_id', '!=', coachId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('collab_log')
              .select('collab_log.cycle_id')
              .whereRef('collab_log.cycle_id', '=', 'cycle.id')
              .where('collab_log.completed_at', 'is not', null),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('cycle').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** The facts behind each cycle's stage, in a handful of queries however many cycles. */
  async facts(cycles: readonly Cycle[]): Promise<Map<string, CycleFacts>> {
    const out = new Map<string, CycleFacts>();
    if (cycles.length === 0) return out;
    const ids = cycles.map((c) => c.id);
    const lessonIds = cycles.flatMap((c) => (c.lessonId ? [c.lessonId] : []));
    const [assignments, logs, scores, lessons, clips, watched] = await Promise.all([
      this.db
        .selectFrom('cycle_assignment')
        .select(['cycle_id', 'sent_at'])
        .where('cycle_id', 'in', ids)
        .execute(),
      this.db
        .selectFrom('collab_log')
        .select(['cycle_id', 'completed_at'])
        .where('cycle_id', 'in', ids)
        .execute(),
      this.db
        .selectFrom('stock_score')
        .select(['cycle_id', 'submitted_at'])
        .where('cycle_id', 'in', ids)
        .where('submitted_at', 'is not', null)
        .execute(),
      lessonIds.length
        ? this.db
            .selectFrom('lesson')
            .select(['id', 'title', 'taught_on', 'state'])
            .where('id', 'in', lessonIds)
            .execute()
        : [],
      lessonIds.length
        ? this.db
            .selectFrom('clip')
            .select(['lesson_id', 'position', 'start_ms', 'end_ms'])
            .where('lesson_id', 'in', lessonIds)
            .execute()
        : [],
      lessonIds.length
        ? this.db
            .selectFrom('watch_progress')
            .select(['lesson_id', 'user_id', 'intervals'])
            .where('lesson_id', 'in', lessonIds)
            .execute()
        : [],
    ]);
    const sentAt = new Map(assignments.map((a) => [a.cycle_id, a.sent_at]));
    const completedAt = new Map(logs.map((l) => [l.cycle_id, l.completed_at]));
    const submitted = new Set(scores.map((s) => s.cycle_id));
    const lessonById = new Map(lessons.map((l) => [l.id, l]));
    const clipOf = new Map(clips.map((c) => [`${c.lesson_id}:${Number(c.position)}`, c]));
    const watchedBy = new Map(watched.map((w) => [`${w.lesson_id}:${w.user_id}`, w.intervals]));
    for (const cycle of cycles) {
      const lesson = cycle.lessonId ? lessonById.get(cycle.lessonId) : undefined;
      const progress = watchedBy.get(`${cycle.lessonId}:${cycle.teacherId}`);
      const intervals = progress ? (JSON.parse(progress) as Interval[]) : [];
      const share = (position: 1 | 2) => {
        const clip = clipOf.get(`${cycle.lessonId}:${position}`);
        if (!clip) return null;
        const length = Number(clip.end_ms) - Number(clip.start_ms);
        if (length <= 0) return 1;
        return coveredMs(intervals, Number(clip.start_ms), Number(clip.end_ms)) / length;
      };
      out.set(cycle.id, {
        lesson: lesson
          ? { id: lesson.id, title: lesson.title, taughtOn: lesson.taught_on, state: lesson.state }
          : null,
        assignedAt: sentAt.get(cycle.id) ?? null,
        logCompletedAt: completedAt.get(cycle.id) ?? null,
        stockSubmitted: cycle.stockClipId ? submitted.has(cycle.id) : null,
        clipWatched: [share(1), share(2)],
      });
    }
    return out;
  }
}
