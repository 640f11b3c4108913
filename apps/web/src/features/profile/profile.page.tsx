import { ROLE_LABELS } from '../session/access';
import { useViewer } from '../session/session.queries';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';
import './profile.css';

/** `/profile`: the viewer's name and time zone, and their password. */
export function ProfilePage() {
  const me = useViewer();
  return (
    <>
      <title>Profile · Elevate</title>
      <header className="page-header">
        <h1>Your profile</h1>
        <p className="page-header__lead">
          {me.user.email} · {ROLE_LABELS[me.user.role]} in {me.program.name}
        </p>
      </header>
      <div className="profile">
        <ProfileForm me={me} />
        <ChangePasswordForm />
      </div>
    </>
  );
}
