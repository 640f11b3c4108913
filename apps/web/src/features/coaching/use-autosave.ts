import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** How long typing must pause before the text is saved. */
export const AUTOSAVE_DELAY_MS = 1000;

/**
 * Keeps a form's values locally and saves them after a pause in typing, one save at a time
 * (the latest values win). A failed save keeps every typed character and says so; the next
 * change or `retry()` tries again. Leaving the page with unsaved text saves it at once.
 */
export function useAutosave<T>(
  initial: T,
  save: (values: T) => Promise<unknown>,
  delayMs = AUTOSAVE_DELAY_MS,
) {
  const [values, setValues] = useState(initial);
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef(values);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current || !dirty.current) return;
    inFlight.current = true;
    dirty.current = false;
    setStatus('saving');
    let ok = false;
    try {
      await saveRef.current(latest.current);
      setSavedAt(new Date());
      setError(null);
      setStatus(dirty.current ? 'pending' : 'saved');
      ok = true;
    } catch (err) {
      // The text stays in the form; it is marked unsaved so the next attempt sends it.
      dirty.current = true;
      setError(err);
      setStatus('error');
    } finally {
      inFlight.current = false;
    }
    // Typing during the save: save the newer text too.
    if (ok && dirty.current) timer.current = setTimeout(() => void flush(), delayMs);
  }, [delayMs]);

  const update = useCallback(
    (patch: Partial<T>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      dirty.current = true;
      setValues(next);
      setStatus((s) => (s === 'saving' ? s : 'pending'));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  // Leaving with unsaved text: save it now, and ask the browser to warn on a reload.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
      // Nothing is left on screen to report a failure to; the text was kept as long as the
      // form was there to keep it.
      if (dirty.current && !inFlight.current) saveRef.current(latest.current).catch(() => {});
    };
  }, []);

  return { values, update, status, error, savedAt, retry: () => void flush() };
}
