import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { AuthUserTable } from '../db/tables/account.table';
import type { Role, User } from '../domain/account';

function toIso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

type UserRow = Selectable<AuthUserTable> & { has_password: number | string | null };

function toUser(row: UserRow, coachId?: string | null): User {
  const status = row.deactivatedAt ? 'deactivated' : row.has_password ? 'active' : 'invited';
  return {
    id: row.id,
    programId: row.programId,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    timeZone: row.timeZone ?? 'UTC',
    status,
    createdAt: toIso(row.createdAt) ?? '',
    ...(coachId !== undefined ? { coachId } : {}),
  };
}

/** Users as Elevate sees them (rows of the auth library's user table). */
export class UserRepository {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db
      .selectFrom('auth_user as u')
      .selectAll('u')
      .select((eb) =>
        eb
          .selectFrom('auth_account as a')
          .select((inner) => inner.fn.count<number>('a.id').as('n'))
          .whereRef('a.userId', '=', 'u.id')
          .where('a.providerId', '=', 'credential')
          .where('a.password', 'is not', null)
          .as('has_password'),
      );
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.base().where('u.id', '=', id).executeTakeFirst();
    return row ? toUser(row as UserRow) : undefined;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.base().where('u.email', '=', email.toLowerCase()).executeTakeFirst();
    return row ? toUser(row as UserRow) : undefined;
  }

  async listByProgram(programId: string): Promise<User[]> {
    const rows = await this.base()
      .leftJoin('caseload as c', (join) =>
        join.onRef('c.teacher_id', '=', 'u.id').on('c.ends_at', 'is', null),
      )
      .select('c.coach_id')
      .where('u.programId', '=', programId)
      .orderBy('u.name')
      .execute();
    return rows.map((r) => toUser(r as UserRow, r.role === 'teacher' ? r.coach_id : undefined));
  }

  async countAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('auth_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('deactivatedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(
    id: string,
    patch: Partial<{ name: string; role: Role; timeZone: string; deactivatedAt: string | null }>,
  ): Promise<void> {
    await this.db
      .updateTable('auth_user')
      .set({ ...patch, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /** Ends every session of the user now (sign-out everywhere). */
  async deleteSessions(userId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('auth_session')
      .where('userId', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
