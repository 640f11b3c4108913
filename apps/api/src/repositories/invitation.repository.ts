import type { Db } from '../db/database';

export interface InvitationRecord {
  id: string;
  programId: string;
  userId: string;
  expiresAt: string;
  usedAt: string | null;
}

export class InvitationRepository {
  constructor(private readonly db: Db) {}

  async create(input: {
    programId: string;
    userId: string;
    tokenHash: string;
    expiresAt: string;
    createdBy: string;
  }): Promise<void> {
    await this.db
      .insertInto('invitation')
      .values({
        id: crypto.randomUUID(),
        program_id: input.programId,
        user_id: input.userId,
        token_hash: input.tokenHash,
        expires_at: input.expiresAt,
        used_at: null,
        created_by: input.createdBy,
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    const row = await this.db
      .selectFrom('invitation')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          programId: row.program_id,
          userId: row.user_id,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
        }
      : undefined;
  }

  /** Marks the invitation used; false when someone else used it first (single use). */
  async markUsed(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitation')
      .set({ used_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Older unused links of the user stop working when a new one is sent. */
  async revokeOpenFor(userId: string): Promise<void> {
    await this.db
      .updateTable('invitation')
      .set({ used_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  }
}
