import { useEffect, useMemo, useState } from 'react';
import type { Cue } from '../review.types';
import { cuesToVtt } from './captions';

/**
 * A blob: URL holding the transcript as WebVTT, for the player's captions <track> (the
 * app's CSP allows blob: media). Revoked when the cues change or the page closes.
 */
export function useCaptionsUrl(cues: readonly Cue[] | undefined): string | null {
  const vtt = useMemo(() => (cues && cues.length > 0 ? cuesToVtt(cues) : null), [cues]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!vtt) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [vtt]);
  return url;
}
