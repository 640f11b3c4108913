import type { UserStatus } from '../../api/client';

const BADGES: Record<UserStatus, { label: string; className: string }> = {
  active: { label: 'Active', className: 'tag tag--success' },
  invited: { label: 'Invited', className: 'tag tag--pending' },
  deactivated: { label: 'Deactivated', className: 'tag tag--warning' },
};

/** An account's state in words (colour only repeats them). */
export function StatusBadge({ status }: { status: UserStatus }) {
  const badge = BADGES[status];
  return <span className={badge.className}>{badge.label}</span>;
}
