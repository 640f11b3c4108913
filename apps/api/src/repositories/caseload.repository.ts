import type { Db } from '../db/database';
import type { CaseloadAssignment } from '../domain/account';

function toAssignment(r: {
  id: string;
  coach_id: string;
  teacher_id: string;
  starts_at: string;
  ends_at: string | null;
}): CaseloadAssignment {
  return {
    id: r.id,
    coachId: r.coach_id,
    teacherId: r.teacher_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

/** Coach -> teacher assignments, with history: an assignment ends, it is never deleted. */
export class CaseloadRepository {
  constructor(private readonly db: Db) {}

  async isCurrentCoach(coachId: string, teacherId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('caseload')
      .select('id')
      .where('coach_id', '=', coachId)
      .where('teacher_id', '=', teacherId)
      .where('ends_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async currentFor(teacherId: string): Promise<CaseloadAssignment | undefined> {
    const row = await this.db
      .selectFrom('caseload')
      .selectAll()
      .where('teacher_id', '=', teacherId)
      .where('ends_at', 'is', null)
      .executeTakeFirst();
    return row ? toAssignment(row) : undefined;
  }

  async listByProgram(programId: string): Promise<CaseloadAssignment[]> {
    const rows = await this.db
      .selectFrom('caseload')
      .selectAll()
      .where('program_id', '=', programId)
      .orderBy('starts_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toAssignment);
  }

  async teachersOf(coachId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('caseload')
      .select('teacher_id')
      .where('coach_id', '=', coachId)
      .where('ends_at', 'is', null)
      .execute();
    return rows.map((r) => r.teacher_id);
  }

  /** Ends the teacher's open assignment (if any) and opens the new one, atomically. */
  async assign(input: {
    programId: string;
    coachId: string | null;
    teacherId: string;
    assignedBy: string;
  }): Promise<CaseloadAssignment | null> {
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('caseload')
        .set({ ends_at: now })
        .where('teacher_id', '=', input.teacherId)
        .where('ends_at', 'is', null)
        .execute();
      if (!input.coachId) return null;
      const row = {
        id: crypto.randomUUID(),
        program_id: input.programId,
        coach_id: input.coachId,
        teacher_id: input.teacherId,
        starts_at: now,
        ends_at: null,
        assigned_by: input.assignedBy,
      };
      await trx.insertInto('caseload').values(row).execute();
      return toAssignment(row);
    });
  }

  /** Ends every open assignment that involves the user (on deactivation). */
  async endAllFor(userId: string): Promise<void> {
    await this.db
      .updateTable('caseload')
      .set({ ends_at: new Date().toISOString() })
      .where('ends_at', 'is', null)
      .where((eb) => eb.or([eb('coach_id', '=', userId), eb('teacher_id', '=', userId)]))
      .execute();
  }
}
