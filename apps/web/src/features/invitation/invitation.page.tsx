import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../../api/api-context';
import { fieldErrorsOf, hasCode, unwrapJson } from '../../api/api-error';
import type { Invitation } from '../../api/client';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField, useFocusFirstInvalid } from '../../components/form-field';
import { LoadingState } from '../../components/status-panels';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { formatDateTime } from '../../lib/format-time';
import { browserTimeZone } from '../../lib/time-zones';
import { checkNewPassword, NewPasswordFields } from '../auth/password-fields';
import { ROLE_LABELS } from '../session/access';
import { signIn } from '../session/auth.api';
import { fetchMe, PUBLIC_QUERY_ROOT, replaceSession, useMe } from '../session/session.queries';
import '../auth/auth.css';

/** `/invitation/:token`: an invitee sets their name, password and time zone, and is in. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const client = useApiClient();
  const invitation = useQuery({
    queryKey: [PUBLIC_QUERY_ROOT, 'invitation', token],
    queryFn: () => unwrapJson(client.invitations[':token'].$get({ param: { token } })),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <div className="auth-page">
      <title>Join Elevate</title>
      {invitation.isPending ? (
        <div className="auth-card">
          <LoadingState label="Opening your invitation…" />
        </div>
      ) : invitation.isError ? (
        <UnusableInvitation error={invitation.error} />
      ) : (
        <AcceptInvitation token={token} invitation={invitation.data} />
      )}
    </div>
  );
}

/** Used, expired and unknown links each say what happened and what to do instead. */
function UnusableInvitation({ error }: { error: unknown }) {
  const used = hasCode(error, 'invitation_used');
  const expired = hasCode(error, 'invitation_expired');
  const invalid = hasCode(error, 'invitation_invalid', 'validation_failed');
  const title = used
    ? 'This invitation has already been used'
    : expired
      ? 'This invitation has expired'
      : invalid
        ? 'This invitation link is not valid'
        : null;
  return (
    <section className="auth-card" aria-labelledby="invitation-title">
      {title ? (
        <>
          <h1 id="invitation-title" className="auth-card__title">
            {title}
          </h1>
          <p className="auth-card__lead">
            {used
              ? 'Your account is already set up: sign in with your email and the password you chose. Forgotten it? Reset it from the sign-in page.'
              : expired
                ? 'Invitation links work for a week. Ask your program admin to send you a new one.'
                : 'Check that you copied the whole link from the email. If it still does not work, ask your program admin for a new invitation.'}
          </p>
          <div className="form__actions">
            <Link className="button" to="/sign-in">
              Go to sign in
            </Link>
            {used && (
              <Link className="button button--secondary" to="/forgot-password">
                Reset password
              </Link>
            )}
          </div>
        </>
      ) : (
        <>
          <h1 id="invitation-title" className="auth-card__title">
            Your invitation could not be opened
          </h1>
          <ErrorAlert error={error} />
        </>
      )}
    </section>
  );
}

type Errors = { name?: string; password?: string; repeat?: string; timeZone?: string };

function AcceptInvitation({ token, invitation }: { token: string; invitation: Invitation }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstInvalid(errors);
  // Set once the account exists: a later failure (signing in) must not offer the form again.
  const accepted = useRef(false);

  const join = useMutation({
    mutationFn: async () => {
      const { email } = await unwrapJson(
        client.invitations[':token'].accept.$post({
          param: { token },
          json: { name: name.trim(), password, timeZone },
        }),
      );
      accepted.current = true;
      await signIn(client, { email, password });
      return fetchMe(client);
    },
    onSuccess: (session) => {
      replaceSession(queryClient, session);
      navigate('/', { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {
      ...(name.trim() ? {} : { name: 'Enter your name as colleagues know it.' }),
      ...checkNewPassword(password, repeat),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) join.mutate();
  };

  if (join.isError && accepted.current) {
    return (
      <section className="auth-card" aria-labelledby="invitation-title">
        <h1 id="invitation-title" className="auth-card__title">
          Your account is ready
        </h1>
        <ErrorAlert error={join.error}>
          <p>Signing you in did not work this time. Sign in with your email and new password.</p>
        </ErrorAlert>
        <Link className="button" to="/sign-in">
          Go to sign in
        </Link>
      </section>
    );
  }

  const signedInAs = me.data?.user;
  return (
    <section className="auth-card auth-card--wide" aria-labelledby="invitation-title">
      <header className="auth-card__header">
        <h1 id="invitation-title" className="auth-card__title">
          Join {invitation.programName} on Elevate
        </h1>
        <p className="auth-card__lead">
          Choose how your name appears and a password; then you are signed in.
        </p>
      </header>
      <dl className="auth-facts">
        <dt>Program</dt>
        <dd>{invitation.programName}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
        <dt>Email</dt>
        <dd>{invitation.email}</dd>
        <dt>Link valid until</dt>
        <dd>{formatDateTime(invitation.expiresAt, timeZone)}</dd>
      </dl>
      {signedInAs && signedInAs.email !== invitation.email && (
        <Alert tone="info" title={`You are signed in as ${signedInAs.email}`}>
          <p>Joining signs you in as {invitation.email} instead.</p>
        </Alert>
      )}
      {join.isError && Object.keys(fieldErrorsOf(join.error)).length === 0 && (
        <ErrorAlert error={join.error} />
      )}
      <form ref={formRef} className="form" noValidate onSubmit={submit}>
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <NewPasswordFields
          label="Password"
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          errors={errors}
        />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={errors.timeZone} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={join.isPending}>
            {join.isPending ? 'Setting up your account…' : 'Join and sign in'}
          </button>
        </div>
      </form>
    </section>
  );
}
