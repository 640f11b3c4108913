import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '../../api/api-context';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField, useFocusFirstInvalid } from '../../components/form-field';
import { requestPasswordReset } from '../session/auth.api';
import './auth.css';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the
 * address has an account, so the page never tells a stranger who uses Elevate.
 */
export function ForgotPasswordPage() {
  const client = useApiClient();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const formRef = useFocusFirstInvalid(error);
  const request = useMutation({
    mutationFn: (address: string) => requestPasswordReset(client, address),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    setError(address.includes('@') ? undefined : 'Enter the email address you sign in with.');
    if (address.includes('@')) request.mutate(address);
  };

  return (
    <div className="auth-page">
      <title>Forgot password · Elevate</title>
      <section className="auth-card" aria-labelledby="forgot-title">
        <header className="auth-card__header">
          <h1 id="forgot-title" className="auth-card__title">
            Forgot your password?
          </h1>
          <p className="auth-card__lead">
            Enter the email address you sign in with and we will send you a link to choose a new
            password. The link works for one hour.
          </p>
        </header>
        {request.isSuccess ? (
          <Alert tone="success" title="Check your email">
            <p>
              If an account exists for <strong>{request.variables}</strong>, a link to reset the
              password was sent to it. If nothing arrives within a few minutes, check your spam
              folder, or ask your program admin: where no mail server is set up, they can find the
              link in Elevate's Outbox.
            </p>
          </Alert>
        ) : (
          <>
            {request.isError && <ErrorAlert error={request.error} />}
            <form ref={formRef} className="form" noValidate onSubmit={submit}>
              <TextField
                label="Email"
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                error={error}
                onChange={(event) => setEmail(event.target.value)}
              />
              <div className="form__actions">
                <button type="submit" className="button" disabled={request.isPending}>
                  {request.isPending ? 'Sending…' : 'Send reset link'}
                </button>
              </div>
            </form>
          </>
        )}
        <p className="auth-card__footer">
          Remembered it? <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    </div>
  );
}
