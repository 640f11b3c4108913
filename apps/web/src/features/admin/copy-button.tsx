import { useEffect, useState } from 'react';

type Result = 'copied' | 'failed' | null;

/** Copies text to the clipboard and says so; falls back for browsers without the API. */
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
  const [result, setResult] = useState<Result>(null);

  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 4000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(text);
      else copyWithSelection(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };

  return (
    <span className="copy-button">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={context ? `${label} ${context}` : undefined}
        onClick={copy}
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

// For insecure origins and old browsers, where navigator.clipboard is missing.
function copyWithSelection(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}
