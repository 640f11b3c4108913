import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';

type HeadingLevel = 1 | 2 | 3;

function Heading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag className="status__title">{children}</Tag>;
}

/** A polite "still working" message; the label says what is loading. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Nothing to show yet; the children explain what to do about it. */
export function EmptyState(props: { title: string; level?: HeadingLevel; children?: ReactNode }) {
  return (
    <div className="status">
      <Heading level={props.level ?? 2}>{props.title}</Heading>
      {props.children}
    </div>
  );
}

/**
 * A failed request, told in the API's own words (the problem's title and detail) when there
 * are some, with a retry for failures that may pass on a second try.
 */
export function ErrorState(props: {
  error: unknown;
  level?: HeadingLevel;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { error } = props;
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  const detail =
    error instanceof ApiError
      ? error.detail
      : 'An unexpected error stopped this page from loading. Please try again.';
  const canRetry = props.onRetry && !(error instanceof ApiError && error.isClientError);
  return (
    <div className="status status--error" role="alert">
      <Heading level={props.level ?? 2}>{title}</Heading>
      {detail && <p className="status__text">{detail}</p>}
      <div className="status__actions">
        {canRetry && (
          <button type="button" className="button" onClick={props.onRetry}>
            Try again
          </button>
        )}
        {props.children}
      </div>
    </div>
  );
}
