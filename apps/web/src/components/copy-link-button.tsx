import { useEffect, useState } from 'react';

/**
 * Copies a link to the clipboard and says so in a live region; where the clipboard API is
 * missing (an insecure origin), it selects a hidden copy for the browser's own copy command.
 */
export function CopyLinkButton({ url, label }: { url: string; label: string }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 4000);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = async () => {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(url);
      else copyWithSelection(url);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" className="button button--secondary button--small" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-link__result small muted">
        {result === 'copied' ? 'Link copied' : result === 'failed' ? `Copy this link: ${url}` : ''}
      </span>
    </span>
  );
}

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
