import { useEffect, useState } from 'react';

export type CopyResult = 'copied' | 'failed' | null;

/**
 * Copies text, with a fallback for insecure origins and old browsers where
 * navigator.clipboard is missing; the result clears itself after a few seconds.
 */
export function useCopy(): [CopyResult, (text: string) => Promise<void>] {
  const [result, setResult] = useState<CopyResult>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 4000);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = async (text: string) => {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(text);
      else copyWithSelection(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return [result, copy];
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
