import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { hasCode } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField, useFocusFirstInvalid } from '../../components/form-field';
import { checkNewPassword, NewPasswordFields } from '../auth/password-fields';
import { type ChangePasswordInput, changePassword } from '../session/auth.api';

type Errors = { current?: string; password?: string; repeat?: string };

/** Changes the password, given the current one; optionally signs out every other device. */
export function ChangePasswordForm() {
  const client = useApiClient();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstInvalid(errors);
  const change = useMutation({
    mutationFn: (input: ChangePasswordInput) => changePassword(client, input),
    onSuccess: () => {
      setCurrent('');
      setPassword('');
      setRepeat('');
    },
    onError: (error) => {
      if (hasCode(error, 'invalid_password')) {
        setErrors({ current: 'That is not your current password.' });
      } else if (hasCode(error, 'password_too_short', 'password_too_long')) {
        setErrors({ password: error.title });
      }
    },
  });
  const isFieldError = hasCode(
    change.error,
    'invalid_password',
    'password_too_short',
    'password_too_long',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {
      ...(current ? {} : { current: 'Enter your current password.' }),
      ...checkNewPassword(password, repeat),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate({
      currentPassword: current,
      newPassword: password,
      revokeOtherSessions: revokeOthers,
    });
  };

  return (
    <section className="card profile__section" aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        Password
      </h2>
      {change.isSuccess && (
        <Alert tone="success" title="Your password has been changed">
          {change.variables.revokeOtherSessions && <p>Your other devices have been signed out.</p>}
        </Alert>
      )}
      {change.isError && !isFieldError && <ErrorAlert error={change.error} />}
      <form ref={formRef} className="form" noValidate onSubmit={submit}>
        <TextField
          label="Current password"
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          error={errors.current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          errors={errors}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={revokeOthers}
            onChange={(event) => setRevokeOthers(event.target.checked)}
          />
          <span>Sign out my other devices</span>
        </label>
        <div className="form__actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
