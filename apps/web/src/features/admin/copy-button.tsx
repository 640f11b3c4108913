import { useCopy } from '../../lib/clipboard';

/** Copies text to the clipboard and says so. */
export function CopyButton({
  text,
  label,
  context,
}: {
  text: string;
  label: string;
  /** Read after the label by screen readers, to tell several copy buttons apart. */
  context?: string;
}) {
  const [result, copy] = useCopy();
  return (
    <span className="copy-button">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={context ? `${label} ${context}` : undefined}
        onClick={() => copy(text)}
      >
        {label}
      </button>
      <span role="status" className="copy-button__result">
        {result === 'copied'
          ? 'Copied'
          : result === 'failed'
            ? 'Could not copy: select the link and copy it'
            : ''}
      </span>
    </span>
  );
}
