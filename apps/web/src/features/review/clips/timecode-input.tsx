import { formatTimecode, parseTimecode } from '@elevate/timecode';
import { type ReactNode, useId, useState } from 'react';

/** Whole seconds read as m:ss; anything finer (a frame nudge) keeps its milliseconds. */
export function showTimecode(ms: number | undefined): string {
  if (ms === undefined) return '';
  return formatTimecode(ms, { withMs: ms % 1000 !== 0 });
}

/**
 * A time typed as m:ss, mm:ss or h:mm:ss (optionally .fff). The text is read when the
 * field is left or Enter is pressed; text that is not a timecode is kept and explained,
 * and the time outside stays as it was.
 */
export function TimecodeInput(props: {
  label: string;
  valueMs: number | undefined;
  onCommit: (ms: number) => void;
  /** A problem with the committed time (from the rules or the API). */
  error?: string | undefined;
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const commit = () => {
    if (text === null) return;
    const ms = parseTimecode(text);
    if (ms === undefined) {
      setUnreadable(true);
      return;
    }
    setUnreadable(false);
    setText(null);
    if (ms !== props.valueMs) props.onCommit(ms);
  };
  const error = unreadable ? 'Type a time such as 1:05, 12:30 or 1:02:05.' : props.error;
  return (
    <div className="field timecode-field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <div className="timecode-field__row">
        <input
          id={id}
          className="input timecode-field__input"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="m:ss"
          value={text ?? showTimecode(props.valueMs)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
            if (event.key === 'Escape') {
              setText(null);
              setUnreadable(false);
            }
          }}
        />
        {props.children}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
