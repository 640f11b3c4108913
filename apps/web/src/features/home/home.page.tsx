import { Link } from 'react-router';
import type { Role } from '../../api/client';
import { ROLE_LABELS } from '../session/access';
import { useViewer } from '../session/session.queries';
import { AdminHome } from './admin-home';
import { CoachHome } from './coach-home';
import './home.css';

const LEADS: Record<Role, string> = {
  admin: 'Run your program: invite people, pair teachers with coaches, and keep an eye on access.',
  coach: 'Here are the teachers you coach. Lessons, clips and logs will gather around them.',
  teacher: 'This is where your coaching cycles will live: your lessons, clips and shared log.',
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

function TeacherHome() {
  return (
    <section className="home-empty" aria-labelledby="lessons-title">
      <svg className="home-empty__art" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="6" y="14" width="40" height="32" rx="5" />
        <path d="m46 26 12-7v26l-12-7" />
        <path d="M18 38 25 29l5 5 7-9" />
      </svg>
      <div className="home-empty__text">
        <h2 id="lessons-title">Your lessons will appear here</h2>
        <p>
          Soon you will upload a filmed lesson here, watch the clips your coach chose, and keep your
          coaching log. Nothing to do yet: your coach and program admin are setting things up.
        </p>
        <p>Meanwhile, get to know the rubric your coaching conversations will use.</p>
        <div className="home-empty__actions">
          <Link className="button" to="/rubrics">
            Browse the rubrics
          </Link>
          <Link className="button button--secondary" to="/profile">
            Check your profile
          </Link>
        </div>
      </div>
    </section>
  );
}
