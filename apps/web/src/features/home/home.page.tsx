import type { Role } from '../../api/client';
import { ROLE_LABELS } from '../session/access';
import { useViewer } from '../session/session.queries';
import { AdminHome } from './admin-home';
import { CoachHome } from './coach-home';
import { TeacherHome } from './teacher-home';
import './home.css';

const LEADS: Record<Role, string> = {
  admin:
    'Run your program: invite people, pair teachers with coaches, and see how coaching cycles are going.',
  coach: 'Your teachers, with what each current cycle needs from you first.',
  teacher: 'What to do next in your coaching cycle, and the cycles and lessons behind you.',
};

/** `/` for a signed-in user: a greeting and the next steps that suit their role. */
export function HomePage() {
  const me = useViewer();
  const { role } = me.user;
  return (
    <div className="home">
      <title>Home · Elevate</title>
      <header className="home-greeting">
        <p className="home-greeting__eyebrow">
          {me.program.name} · {ROLE_LABELS[role]}
        </p>
        <h1>Welcome, {me.user.name}</h1>
        <p className="home-greeting__lead">{LEADS[role]}</p>
      </header>
      {role === 'admin' ? <AdminHome /> : role === 'coach' ? <CoachHome /> : <TeacherHome />}
    </div>
  );
}
