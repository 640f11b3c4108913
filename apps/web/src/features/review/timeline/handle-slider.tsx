import { formatTimecode } from '@elevate/timecode';
import type { KeyboardEvent } from 'react';
import type { TimelineClip } from './clip-lane';
import { dragHandle, type Handle, MIN_RANGE_MS, type Range } from './geometry';

const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -1000,
  ArrowDown: -1000,
  ArrowRight: 1000,
  ArrowUp: 1000,
  PageDown: -10_000,
  PageUp: 10_000,
};

/**
 * A clip's in- or out-point as a slider: focusable, named, with its time as text, moved
 * by the arrow keys (a second; ten with Shift), Page Up/Down (ten seconds), Home and End.
 */
export function HandleSlider(props: {
  clip: TimelineClip;
  durationMs: number;
  handle: Handle;
  name: string;
  onChange: (range: Range) => void;
}) {
  const { clip, handle } = props;
  const value = handle === 'start' ? clip.startMs : clip.endMs;
  const min = handle === 'start' ? 0 : clip.startMs + MIN_RANGE_MS;
  const max = handle === 'start' ? clip.endMs - MIN_RANGE_MS : props.durationMs;
  const onKeyDown = (event: KeyboardEvent) => {
    const step = KEY_STEPS[event.key];
    const to =
      step !== undefined
        ? value + (event.shiftKey ? step * 10 : step)
        : event.key === 'Home'
          ? min
          : event.key === 'End'
            ? max
            : undefined;
    if (to === undefined) return;
    event.preventDefault();
    props.onChange(dragHandle(clip, handle, to, { durationMs: props.durationMs }));
  };
  return (
    <div
      className={`clip-band__handle clip-band__handle--${handle}`}
      role="slider"
      tabIndex={0}
      aria-label={`${props.name} ${handle === 'start' ? 'in-point' : 'out-point'}`}
      aria-valuemin={Math.round(min / 1000)}
      aria-valuemax={Math.round(max / 1000)}
      aria-valuenow={Math.round(value / 1000)}
      aria-valuetext={formatTimecode(value)}
      onKeyDown={onKeyDown}
    />
  );
}
