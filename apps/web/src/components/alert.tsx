import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import './form.css';

/**
 * A message about the last thing the user did. Errors interrupt (role="alert"); successes
 * and notes are announced politely (role="status").
 */
export function Alert({
  tone,
  title,
  children,
}: {
  tone: 'error' | 'success' | 'info';
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="alert__title">{title}</p>
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}

/** A failed request in the API's own words (its problem title and detail). */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  const detail = error instanceof ApiError ? error.detail : 'Please try again in a moment.';
  return (
    <Alert tone="error" title={title}>
      {detail && <p>{detail}</p>}
      {children}
    </Alert>
  );
}
