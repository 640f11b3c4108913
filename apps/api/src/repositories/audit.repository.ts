import type { Db } from '../db/database';

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  lessonId: string | null;
  detail: Record<string, unknown> | null;
  ipAddress: string | null;
}

export interface NewAuditEvent {
  programId: string | null;
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  lessonId?: string;
  detail?: Record<string, unknown>;
  ipAddress?: string | null;
}

export interface AuditFilter {
  programId: string;
  actorId?: string | undefined;
  lessonId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async add(event: NewAuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_event')
      .values({
        id: crypto.randomUUID(),
        program_id: event.programId,
        actor_id: event.actorId,
        action: event.action,
        subject_type: event.subjectType ?? null,
        subject_id: event.subjectId ?? null,
        lesson_id: event.lessonId ?? null,
        detail: event.detail ? JSON.stringify(event.detail) : null,
        ip_address: event.ipAddress ?? null,
        at: new Date().toISOString(),
      })
      .execute();
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    let query = this.db
      .selectFrom('audit_event as e')
      .leftJoin('auth_user as u', 'u.id', 'e.actor_id')
      .select([
        'e.id',
        'e.at',
        'e.actor_id',
        'u.name as actor_name',
        'e.action',
        'e.subject_type',
        'e.subject_id',
        'e.lesson_id',
        'e.detail',
        'e.ip_address',
      ])
      .where('e.program_id', '=', filter.programId);
    if (filter.actorId) query = query.where('e.actor_id', '=', filter.actorId);
    if (filter.lessonId) query = query.where('e.lesson_id', '=', filter.lessonId);
    if (filter.before) query = query.where('e.at', '<', filter.before);
    const rows = await query.orderBy('e.at', 'desc').orderBy('e.id').limit(filter.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      lessonId: r.lesson_id,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
      ipAddress: r.ip_address,
    }));
  }
}
