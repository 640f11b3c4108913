import type { OutboxMessage } from '../../api/client';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatDateTime } from '../../lib/format-time';
import { linksIn, splitLinks } from '../../lib/linkify';
import { useViewer } from '../session/session.queries';
import { OUTBOX_LIMIT, useOutbox } from './admin.queries';
import { CopyButton } from './copy-button';
import './admin.css';
import './outbox.css';

const KINDS: Record<string, string> = {
  invitation: 'Invitation',
  'password-reset': 'Password reset',
};

/** `/admin/outbox`: the mail Elevate sent, newest first, with its links ready to copy. */
export default function OutboxPage() {
  const outbox = useOutbox();
  return (
    <div className="admin-page">
      <title>Outbox · Elevate</title>
      <header className="page-header">
        <h1>Outbox</h1>
        <p className="page-header__lead">
          Every message Elevate sends is kept here. Where no mail server is set up, this is the only
          place it goes: copy the link and send it to the person yourself.
        </p>
      </header>
      {outbox.isPending ? (
        <LoadingState label="Loading messages…" />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <EmptyState title="No messages yet">
          <p className="status__text">
            Invitations and password-reset links appear here as soon as they are sent. With no mail
            server configured, mail lands only here, so this is where you pick up an invitation link
            to pass on.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="outbox">
            {outbox.data.map((message) => (
              <li key={message.id}>
                <OutboxItem message={message} />
              </li>
            ))}
          </ul>
          {outbox.data.length >= OUTBOX_LIMIT && (
            <p className="muted small">Showing the latest {OUTBOX_LIMIT} messages.</p>
          )}
        </>
      )}
    </div>
  );
}

function OutboxItem({ message }: { message: OutboxMessage }) {
  const { user } = useViewer();
  const links = linksIn(message.text);
  return (
    <details className="outbox__item">
      <summary className="outbox__summary">
        <span className="outbox__subject">{message.subject}</span>
        <span className="outbox__meta">
          <span className="tag">{KINDS[message.kind] ?? message.kind}</span>
          <span>To {message.to}</span>
          <time dateTime={message.createdAt}>
            {formatDateTime(message.createdAt, user.timeZone)}
          </time>
          {!message.sentAt && <span className="tag tag--pending">Not mailed</span>}
        </span>
      </summary>
      <div className="outbox__body">
        <p className="outbox__text">
          {splitLinks(message.text).map((part, index) =>
            part.kind === 'link' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, in order.
              <a key={index} href={part.href} target="_blank" rel="noreferrer">
                {part.href}
              </a>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, in order.
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
        {links.length > 0 && (
          <div className="outbox__actions">
            {links.map((href) => (
              <CopyButton
                key={href}
                text={href}
                label={links.length === 1 ? 'Copy link' : `Copy ${href}`}
                context={`for ${message.to}`}
              />
            ))}
          </div>
        )}
        {!message.sentAt && (
          <p className="muted small">
            No mail server is configured, so this message was not mailed: pass the link on yourself.
          </p>
        )}
      </div>
    </details>
  );
}
