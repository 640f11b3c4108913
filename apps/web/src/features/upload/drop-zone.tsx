import { type DragEvent, useId, useState } from 'react';
import './drop-zone.css';

/** What the file input offers; the API accepts these extensions and checks the content. */
export const VIDEO_ACCEPT = 'video/*,.mp4,.mov,.m4v,.webm,.mkv';
export const VIDEO_FORMATS = 'MP4, MOV, M4V, WebM or MKV';

type Props = {
  /** The input's label, e.g. "Choose your recording". */
  label: string;
  hint?: string;
  onFile: (file: File) => void;
  /** A file already chosen (on the new-lesson form), named in the zone. */
  chosen?: File | null | undefined;
  isDisabled?: boolean;
};

/**
 * A file picker that also takes a dropped file. The visible zone is the label of a real
 * file input, so a keyboard or screen reader user gets the browser's own picker; dropping is
 * the mouse's shortcut to the same thing.
 */
export function DropZone({ label, hint, onFile, chosen, isDisabled = false }: Props) {
  const id = useId();
  const titleId = `${id}-title`;
  const hintId = `${id}-hint`;
  const [isDragging, setIsDragging] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (isDisabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setIsDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !isDisabled) onFile(file);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the input inside is the accessible control.
    <div
      className="drop-zone"
      data-dragging={isDragging}
      data-disabled={isDisabled}
      onDragOver={onDragOver}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
    >
      <input
        id={id}
        className="drop-zone__input"
        type="file"
        accept={VIDEO_ACCEPT}
        disabled={isDisabled}
        // Named by the title alone; the hint (formats, the chosen file) describes it.
        aria-labelledby={titleId}
        aria-describedby={hintId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again still fires a change.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className="drop-zone__label">
        <svg className="drop-zone__icon" viewBox="0 0 48 48" aria-hidden="true">
          <rect x="5" y="11" width="28" height="26" rx="4" />
          <path d="m33 20 10-6v20l-10-6" />
          <path d="M19 30V18m-5 5 5-5 5 5" />
        </svg>
        <span id={titleId} className="drop-zone__title">
          {label}
        </span>
        <span id={hintId} className="drop-zone__hint">
          {chosen ? (
            <>
              Chosen: <strong>{chosen.name}</strong>. Choose another to replace it.
            </>
          ) : (
            (hint ?? `or drop it here · ${VIDEO_FORMATS}`)
          )}
        </span>
      </label>
    </div>
  );
}
