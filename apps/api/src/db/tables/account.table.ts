import type { Generated } from 'kysely';

/** A district or school project: owns its users and everything below them. */
export interface ProgramTable {
  id: string;
  name: string;
  /** JSON text of ProgramSettings. */
  settings: Generated<string>;
  created_at: string;
}

/** The auth library's user table; its column names are the library's (camelCase). */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: number | boolean;
  image: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  programId: string;
  role: string;
  timeZone: string | null;
  deactivatedAt: Date | string | null;
}

export interface AuthSessionTable {
  id: string;
  expiresAt: Date | string;
  token: string;
  createdAt: Date | string;
  updatedAt: Date | string;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AuthAccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface AuthVerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** Coach -> teacher assignments; the open one has no end. */
export interface CaseloadTable {
  id: string;
  program_id: string;
  coach_id: string;
  teacher_id: string;
  starts_at: string;
  ends_at: string | null;
  assigned_by: string;
}

export interface InvitationTable {
  id: string;
  program_id: string;
  user_id: string;
  /** sha256 of the token in the link; the token itself is never stored. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_by: string;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  program_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  created_at: string;
  sent_at: string | null;
}

export interface AuditEventTable {
  id: string;
  program_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  lesson_id: string | null;
  /** JSON text. */
  detail: string | null;
  ip_address: string | null;
  at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}
