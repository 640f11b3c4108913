import type { AuditEvent } from '../../api/client';

/** What each recorded action means, in words; an action not listed shows its code. */
const ACTIONS: Record<string, string> = {
  'auth.sign-in': 'Signed in',
  'auth.sign-in-failed': 'Failed to sign in',
  'auth.sign-out': 'Signed out',
  'auth.password-reset-requested': 'Asked for a password reset',
  'auth.password-reset': 'Reset their password',
  'auth.password-changed': 'Changed their password',
  'user.invited': 'Invited',
  'user.invitation-accepted': 'Accepted the invitation',
  'user.role-changed': 'Changed the role of',
  'user.deactivated': 'Deactivated',
  'user.reactivated': 'Reactivated',
  'user.profile-updated': 'Updated the profile of',
  'caseload.assigned': 'Changed the coach of',
  'lesson.media-opened': 'Opened the video of',
};

/** The same actions when the subject is the actor ("Updated their profile"). */
const SELF_ACTIONS: Record<string, string> = {
  'user.invitation-accepted': 'Accepted their invitation',
  'user.profile-updated': 'Updated their profile',
};

/** What happened, in words, and whether the subject's name should follow. */
export function describeAction(event: Pick<AuditEvent, 'action' | 'actorId' | 'subjectId'>): {
  text: string;
  namesSubject: boolean;
} {
  const isSelf = event.subjectId !== null && event.subjectId === event.actorId;
  const self = isSelf ? SELF_ACTIONS[event.action] : undefined;
  if (self) return { text: self, namesSubject: false };
  return { text: ACTIONS[event.action] ?? event.action, namesSubject: true };
}

const FIELD_NAMES: Record<string, string> = { name: 'name', timeZone: 'time zone' };

/**
 * The event's details as one line of text ("coach → teacher"), with user ids replaced by
 * names; never markup, since details hold user-typed values such as emails.
 */
export function describeDetail(event: AuditEvent, nameOf: (id: string) => string): string {
  const detail = event.detail;
  if (!detail) return '';
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  switch (event.action) {
    case 'auth.sign-in-failed':
      return detail.email ? `as ${text(detail.email)}` : '';
    case 'user.invited':
      return `${text(detail.email)} as ${text(detail.role)}`;
    case 'user.role-changed':
      return `${text(detail.from)} → ${text(detail.to)}`;
    case 'user.deactivated':
      return typeof detail.sessionsEnded === 'number'
        ? `${detail.sessionsEnded} ${detail.sessionsEnded === 1 ? 'session' : 'sessions'} ended`
        : '';
    case 'user.profile-updated':
      return Array.isArray(detail.fields)
        ? detail.fields.map((f) => FIELD_NAMES[String(f)] ?? String(f)).join(', ')
        : '';
    case 'caseload.assigned': {
      const coach = (id: unknown) => (typeof id === 'string' ? nameOf(id) : 'no coach');
      return `${coach(detail.from)} → ${coach(detail.to)}`;
    }
    default:
      return Object.entries(detail)
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join(', ');
  }
}
