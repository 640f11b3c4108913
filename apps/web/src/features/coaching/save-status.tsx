import type { AutosaveStatus } from './use-autosave';

const timeOf = (d: Date) => d.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

/** "Saved at 3:41 PM", "Saving…", "Not saved": announced politely as it changes. */
export function SaveStatus({
  id,
  status,
  savedAt,
}: {
  id: string;
  status: AutosaveStatus;
  savedAt: Date | null;
}) {
  const text =
    status === 'saving'
      ? 'Saving…'
      : status === 'pending'
        ? 'Unsaved changes'
        : status === 'error'
          ? 'Not saved'
          : savedAt
            ? `Saved at ${timeOf(savedAt)}`
            : 'Saved automatically as you type';
  return (
    <p id={id} className={`save-status save-status--${status}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
