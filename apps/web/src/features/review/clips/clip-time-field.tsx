import { FRAME_MS } from '../keyboard/shortcuts';
import { TimecodeInput } from './timecode-input';

const NUDGES = [
  { by: -1000, text: '−1 s', said: 'back one second' },
  { by: -FRAME_MS, text: '−1 f', said: 'back one frame' },
  { by: FRAME_MS, text: '+1 f', said: 'forward one frame' },
  { by: 1000, text: '+1 s', said: 'forward one second' },
] as const;

/**
 * A clip's in- or out-point: typed as a timecode, set from the playhead (or I / O), or
 * nudged a second or a frame (30 fps) either way, never outside the lesson.
 */
export function ClipTimeField(props: {
  which: 'in' | 'out';
  clipName: string;
  valueMs: number | undefined;
  durationMs: number;
  error: string | undefined;
  onChange: (ms: number) => void;
  onMark: () => void;
}) {
  const { valueMs: value } = props;
  const label = props.which === 'in' ? 'In-point' : 'Out-point';
  const key = props.which === 'in' ? 'I' : 'O';
  return (
    <TimecodeInput
      label={`${label} (${props.clipName})`}
      valueMs={value}
      error={props.error}
      onCommit={props.onChange}
    >
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={props.onMark}
        aria-keyshortcuts={key}
      >
        Set at playhead <kbd>{key}</kbd>
      </button>
      <fieldset className="nudges">
        <legend className="visually-hidden">Nudge the {label.toLowerCase()}</legend>
        {NUDGES.map((nudge) => (
          <button
            key={nudge.text}
            type="button"
            className="button button--secondary button--small nudges__button"
            disabled={value === undefined}
            aria-label={`${label} ${nudge.said}`}
            onClick={() =>
              value !== undefined &&
              props.onChange(Math.min(props.durationMs, Math.max(0, Math.round(value + nudge.by))))
            }
          >
            {nudge.text}
          </button>
        ))}
      </fieldset>
    </TimecodeInput>
  );
}
