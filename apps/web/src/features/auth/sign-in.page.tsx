import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { hasCode } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField, useFocusFirstInvalid } from '../../components/form-field';
import { LoadingState } from '../../components/status-panels';
import { safeNextPath } from '../../lib/safe-next';
import { Landing } from '../landing/landing';
import { useSignIn } from '../session/session.mutations';
import { type MeState, useMe } from '../session/session.queries';
import './auth.css';

/**
 * `/sign-in`: what Elevate is, with the sign-in form beside it. Once signed in (now or
 * already), the user goes on to `?next=` or home.
 */
export function SignInPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  if (me.data?.user) return <Navigate to={next} replace />;
  return (
    <>
      <title>Sign in · Elevate</title>
      <Landing
        aside={
          me.isPending ? (
            <div className="auth-card">
              <LoadingState label="Checking your session…" />
            </div>
          ) : (
            <SignInForm
              reason={me.data?.reason}
              hasNext={params.has('next')}
              expired={params.get('reason') === 'expired'}
            />
          )
        }
      />
    </>
  );
}

type SignInNotice = { reason: Extract<MeState, { user: null }>['reason'] | undefined };

function SignInForm({
  reason,
  hasNext,
  expired,
}: SignInNotice & { hasNext: boolean; expired: boolean }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const formRef = useFocusFirstInvalid(errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(email.trim() ? {} : { email: 'Enter your email address.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <section className="auth-card" aria-labelledby="sign-in-title">
      <header className="auth-card__header">
        <h2 id="sign-in-title" className="auth-card__title">
          Sign in
        </h2>
        <p className="auth-card__lead">Use the email address your program invited.</p>
      </header>
      {expired || reason === 'expired' ? (
        <Alert tone="info" title="Your session has ended">
          <p>Sign in again to carry on where you were.</p>
        </Alert>
      ) : reason === 'signed-out' ? (
        <Alert tone="success" title="You are signed out" />
      ) : hasNext ? (
        <Alert tone="info" title="Sign in to open that page" />
      ) : null}
      {signIn.isError &&
        (hasCode(signIn.error, 'invalid_email_or_password') ? (
          <Alert tone="error" title="That email and password do not match">
            <p>Check both and try again, or reset your password.</p>
          </Alert>
        ) : (
          <ErrorAlert error={signIn.error} />
        ))}
      <form ref={formRef} className="form" noValidate onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="form__row">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
          <Link to="/forgot-password">Forgot password?</Link>
        </div>
      </form>
      <p className="auth-card__footer">
        New to Elevate? Your program admin sends you an invitation link to set your password.
      </p>
    </section>
  );
}
