import { TextField } from '../../components/form-field';

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;

/** The reasons a new password pair is refused before it is sent, keyed by field. */
export function checkNewPassword(
  password: string,
  repeat: string,
): { password?: string; repeat?: string } {
  if (password.length < MIN_PASSWORD) {
    return { password: `Use at least ${MIN_PASSWORD} characters.` };
  }
  if (password.length > MAX_PASSWORD) {
    return { password: `Use at most ${MAX_PASSWORD} characters.` };
  }
  if (password !== repeat) return { repeat: 'The two passwords are not the same.' };
  return {};
}

/** A new password, typed twice. */
export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
  errors,
  label = 'New password',
}: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  errors: { password?: string | undefined; repeat?: string | undefined };
  label?: string;
}) {
  return (
    <>
      <TextField
        label={label}
        hint={`At least ${MIN_PASSWORD} characters. A short sentence is easy to remember and hard to guess.`}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={password}
        error={errors.password}
        onChange={(event) => onPassword(event.target.value)}
      />
      <TextField
        label={`Repeat ${label.toLowerCase()}`}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        required
        value={repeat}
        error={errors.repeat}
        onChange={(event) => onRepeat(event.target.value)}
      />
    </>
  );
}
