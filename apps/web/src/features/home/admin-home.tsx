import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useUsers } from '../admin/admin.queries';
import { PAGES } from '../session/access';

const QUICK_LINKS = [
  { page: PAGES.users, text: 'Invite coaches and teachers, change roles, deactivate accounts.' },
  { page: PAGES.caseloads, text: 'Give each teacher a coach, and see who coached whom before.' },
  { page: PAGES.outbox, text: 'Mail Elevate sent, with invitation and reset links to copy.' },
  { page: PAGES.audit, text: 'Who signed in, and who changed what, and when.' },
  { page: PAGES.rubrics, text: 'The observation frameworks lessons are coached against.' },
] as const;

export function AdminHome() {
  const users = useUsers();
  return (
    <>
      <section className="home-section" aria-labelledby="glance-title">
        <h2 id="glance-title">Your program at a glance</h2>
        {users.isPending ? (
          <LoadingState label="Counting people…" />
        ) : users.isError ? (
          <ErrorState error={users.error} level={3} onRetry={() => void users.refetch()} />
        ) : (
          <Glance users={users.data} />
        )}
      </section>
      <section className="home-section" aria-labelledby="manage-title">
        <h2 id="manage-title">Manage</h2>
        <ul className="home-links">
          {QUICK_LINKS.map(({ page, text }) => (
            <li key={page.to} className="card">
              <h3 className="card__title">
                <Link to={page.to}>{page.label}</Link>
              </h3>
              <p className="card__lead">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type Person = { role: string; status: string; coachId?: string | null | undefined };

function Glance({ users }: { users: readonly Person[] }) {
  const active = users.filter((u) => u.status === 'active');
  const invited = users.filter((u) => u.status === 'invited').length;
  const count = (role: string) => active.filter((u) => u.role === role).length;
  const uncoached = users.filter(
    (u) => u.role === 'teacher' && u.status !== 'deactivated' && !u.coachId,
  ).length;
  const stats = [
    { label: 'Coaches', value: count('coach'), to: PAGES.users.to },
    { label: 'Teachers', value: count('teacher'), to: PAGES.users.to },
    { label: 'Waiting to join', value: invited, to: PAGES.users.to },
    { label: 'Teachers without a coach', value: uncoached, to: PAGES.caseloads.to },
  ];
  return (
    <>
      <ul className="home-stats">
        {stats.map((stat) => (
          <li key={stat.label} className="card home-stats__item">
            <Link to={stat.to} className="home-stats__link">
              <span className="home-stats__value">{stat.value}</span>
              <span className="home-stats__label">{stat.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      {users.length <= 1 && (
        <p className="home-section__note">
          Only you so far. Start by{' '}
          <Link to={PAGES.users.to}>inviting your coaches and teachers</Link>; each gets a link to
          set their password.
        </p>
      )}
    </>
  );
}
