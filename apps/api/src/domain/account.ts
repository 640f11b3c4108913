/** The three roles of a program. */
export const ROLES = { admin: 'admin', coach: 'coach', teacher: 'teacher' } as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
export const ROLE_LIST = Object.values(ROLES) as [Role, ...Role[]];

/** Who is asking: the signed-in user as every service sees them. */
export interface Viewer {
  userId: string;
  programId: string;
  role: Role;
  name: string;
  email: string;
  timeZone: string;
  sessionId: string;
}

export interface ProgramSettings {
  /** Whether the program's admins may open lesson media and lesson content. */
  adminLessonAccess: boolean;
  /** The program's default coaching focus codes. */
  focusCodeIds: string[];
  /** Lessons taught more than this many days ago are deleted; null keeps them. */
  retentionDays: number | null;
}

export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  adminLessonAccess: false,
  focusCodeIds: ['STEXPL', 'SMQR', 'TCD'],
  retentionDays: null,
};

export interface User {
  id: string;
  programId: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  /** 'invited' until the invitation is accepted. */
  status: 'active' | 'invited' | 'deactivated';
  createdAt: string;
  /** The teacher's current coach, for teachers. */
  coachId?: string | null;
}

export interface CaseloadAssignment {
  id: string;
  coachId: string;
  teacherId: string;
  startsAt: string;
  endsAt: string | null;
}
