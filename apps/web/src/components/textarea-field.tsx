import type { TextareaHTMLAttributes } from 'react';
import { Field } from './form-field';
import './textarea-field.css';

/** A labelled multi-line text field, with its hint and error wired for screen readers. */
export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...textarea
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea className="input textarea" rows={3} {...textarea} {...control} />}
    </Field>
  );
}
