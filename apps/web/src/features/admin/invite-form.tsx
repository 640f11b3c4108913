import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsOf, hasCode } from '../../api/api-error';
import type { Role } from '../../api/client';
import { Alert, ErrorAlert } from '../../components/alert';
import { SelectField, TextField, useFocusFirstInvalid } from '../../components/form-field';
import { PAGES, ROLE_LABELS, ROLE_OPTIONS } from '../session/access';
import { useInvite } from './admin.queries';

type Errors = { email?: string; name?: string; role?: string };

/** Creates an account and mails its invitation link (to the Outbox when no mail server). */
export function InviteForm() {
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('teacher');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstInvalid(errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {
      ...(/^[^\s@]+@[^\s@]+$/.test(email.trim()) ? {} : { email: 'Enter an email address.' }),
      ...(name.trim() ? {} : { name: 'Enter their name.' }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    invite.mutate(
      { email: email.trim(), name: name.trim(), role },
      {
        onSuccess: () => {
          setEmail('');
          setName('');
        },
        onError: (error) =>
          setErrors(
            hasCode(error, 'email_taken')
              ? { email: error.detail ?? error.title }
              : fieldErrorsOf(error),
          ),
      },
    );
  };
  const isFieldError =
    hasCode(invite.error, 'email_taken') || Object.keys(fieldErrorsOf(invite.error)).length > 0;
  const sent = invite.isSuccess ? invite.data.user : null;

  return (
    <section className="card admin-section" aria-labelledby="invite-title">
      <div>
        <h2 id="invite-title" className="card__title">
          Invite someone
        </h2>
        <p className="card__lead">
          They get a link to choose their password. The link works once, for seven days.
        </p>
      </div>
      <form ref={formRef} className="invite-form" noValidate onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          required
          maxLength={120}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          error={errors.role}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </SelectField>
        <div className="invite-form__submit">
          <button type="submit" className="button" disabled={invite.isPending}>
            {invite.isPending ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </form>
      {invite.isError && !isFieldError && <ErrorAlert error={invite.error} />}
      {sent && (
        <Alert tone="success" title="Invitation sent — the link is in the Outbox">
          <p>
            {sent.name} ({sent.email}) can join as {ROLE_LABELS[sent.role].toLowerCase()}. Where no
            mail server is set up, copy the link from the Outbox and send it to them yourself.
          </p>
          <p>
            <Link to={PAGES.outbox.to}>Open the Outbox</Link>
          </p>
        </Alert>
      )}
    </section>
  );
}
