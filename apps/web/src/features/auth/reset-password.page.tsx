import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../../api/api-context';
import { hasCode } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../components/alert';
import { useFocusFirstInvalid } from '../../components/form-field';
import { resetPassword } from '../session/auth.api';
import { checkNewPassword, NewPasswordFields } from './password-fields';
import './auth.css';

/** `/reset-password?token=`: the page the reset email links to. */
export function ResetPasswordPage() {
  const client = useApiClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const formRef = useFocusFirstInvalid(errors);
  const reset = useMutation({
    mutationFn: (newPassword: string) => resetPassword(client, { token, newPassword }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password, repeat);
    setErrors(found);
    if (!found.password && !found.repeat) reset.mutate(password);
  };

  const isBadLink = !token || hasCode(reset.error, 'invalid_token');

  return (
    <div className="auth-page">
      <title>Choose a new password · Elevate</title>
      <section className="auth-card" aria-labelledby="reset-title">
        <header className="auth-card__header">
          <h1 id="reset-title" className="auth-card__title">
            Choose a new password
          </h1>
        </header>
        {reset.isSuccess ? (
          <>
            <Alert tone="success" title="Your password has been changed">
              <p>Sign in with your new password. Any other devices have been signed out.</p>
            </Alert>
            <Link className="button" to="/sign-in">
              Sign in
            </Link>
          </>
        ) : isBadLink ? (
          <>
            <Alert tone="error" title="This link is invalid or has expired">
              <p>
                Reset links work once, for one hour. Ask for a new one and use the latest email.
              </p>
            </Alert>
            <Link className="button" to="/forgot-password">
              Ask for a new link
            </Link>
          </>
        ) : (
          <>
            {reset.isError && <ErrorAlert error={reset.error} />}
            <form ref={formRef} className="form" noValidate onSubmit={submit}>
              <NewPasswordFields
                password={password}
                repeat={repeat}
                onPassword={setPassword}
                onRepeat={setRepeat}
                errors={errors}
              />
              <div className="form__actions">
                <button type="submit" className="button" disabled={reset.isPending}>
                  {reset.isPending ? 'Saving…' : 'Save new password'}
                </button>
              </div>
            </form>
          </>
        )}
        <p className="auth-card__footer">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    </div>
  );
}
