import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { fieldErrorsOf, unwrapJson } from '../../api/api-error';
import type { Me } from '../../api/client';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField, useFocusFirstInvalid } from '../../components/form-field';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { sessionKeys } from '../session/session.queries';

/** Name and time zone; saving updates the header and every time shown at once. */
export function ProfileForm({ me }: { me: Me }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const [errors, setErrors] = useState<{ name?: string; timeZone?: string }>({});
  const formRef = useFocusFirstInvalid(errors);
  const save = useMutation({
    mutationFn: () => unwrapJson(client.me.$patch({ json: { name: name.trim(), timeZone } })),
    onSuccess: (updated) => queryClient.setQueryData(sessionKeys.me, updated),
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });
  const isUnchanged = name.trim() === me.user.name && timeZone === me.user.timeZone;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = name.trim() ? {} : { name: 'Enter your name as colleagues know it.' };
    setErrors(found);
    if (!found.name) save.mutate();
  };

  return (
    <section className="card profile__section" aria-labelledby="details-title">
      <h2 id="details-title" className="card__title">
        Your details
      </h2>
      {save.isSuccess && isUnchanged && <Alert tone="success" title="Your profile is saved" />}
      {save.isError && Object.keys(fieldErrorsOf(save.error)).length === 0 && (
        <ErrorAlert error={save.error} />
      )}
      <form ref={formRef} className="form" noValidate onSubmit={submit}>
        <TextField
          label="Name"
          hint="How you appear to your coach, teachers and admins."
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={errors.timeZone} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending || isUnchanged}>
            {save.isPending ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </section>
  );
}
