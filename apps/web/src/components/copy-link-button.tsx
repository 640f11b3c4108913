import { useCopy } from '../lib/clipboard';

/** Copies a link to the clipboard and says so in a live region. */
export function CopyLinkButton({ url, label }: { url: string; label: string }) {
  const [result, copy] = useCopy();
  return (
    <span className="copy-link">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => copy(url)}
      >
        {label}
      </button>
      <span role="status" className="copy-link__result small muted">
        {result === 'copied' ? 'Link copied' : result === 'failed' ? `Copy this link: ${url}` : ''}
      </span>
    </span>
  );
}
