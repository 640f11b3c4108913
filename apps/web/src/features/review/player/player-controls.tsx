import { formatTimecode } from '@elevate/timecode';
import { RATES } from '../keyboard/shortcuts';
import type { PlaybackSnapshot } from './media-controller';

type Props = {
  playback: PlaybackSnapshot;
  /** The end of what is being watched (the lesson, or the clip in the clip view). */
  endMs: number;
  /** Shown times count from here (the clip's in-point in the clip view). */
  originMs?: number;
  disabled: boolean;
  onTogglePlay: () => void;
  onSeekBy: (ms: number) => void;
  onRate: (rate: number) => void;
  captions: { available: boolean; on: boolean; onToggle: () => void };
  onFullscreen: () => void;
  onShowShortcuts: () => void;
};

/**
 * The player's controls, ours rather than video.js's: labelled buttons and a speed menu
 * with visible focus, big enough for a finger, with the keyboard shortcut in each name.
 */
export function PlayerControls(props: Props) {
  const { playback } = props;
  const origin = props.originMs ?? 0;
  const isPlaying = !playback.paused;
  return (
    <div className="player-controls">
      <button
        type="button"
        className="player-controls__button player-controls__button--primary"
        onClick={props.onTogglePlay}
        disabled={props.disabled}
        aria-keyshortcuts="Space K"
      >
        <span aria-hidden="true">{isPlaying ? '❚❚' : '▶'}</span>
        {isPlaying ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="player-controls__button"
        onClick={() => props.onSeekBy(-10_000)}
        disabled={props.disabled}
        aria-label="Back 10 seconds"
        aria-keyshortcuts="J"
      >
        <span aria-hidden="true">⟲ 10</span>
      </button>
      <button
        type="button"
        className="player-controls__button"
        onClick={() => props.onSeekBy(10_000)}
        disabled={props.disabled}
        aria-label="Forward 10 seconds"
        aria-keyshortcuts="L"
      >
        <span aria-hidden="true">10 ⟳</span>
      </button>
      <span className="player-controls__time" aria-live="off">
        {formatTimecode(Math.max(0, playback.currentMs - origin))}
        <span className="muted"> / {formatTimecode(Math.max(0, props.endMs - origin))}</span>
      </span>
      <span className="player-controls__spacer" />
      <label className="player-controls__rate">
        <span className="visually-hidden">Speed</span>
        <select
          className="input select"
          value={String(playback.rate)}
          onChange={(event) => props.onRate(Number(event.target.value))}
          disabled={props.disabled}
          aria-keyshortcuts="Shift+Comma Shift+Period"
        >
          {RATES.map((rate) => (
            <option key={rate} value={String(rate)}>
              {rate}x
            </option>
          ))}
        </select>
      </label>
      {props.captions.available && (
        <button
          type="button"
          className="player-controls__button"
          aria-pressed={props.captions.on}
          onClick={props.captions.onToggle}
        >
          CC<span className="visually-hidden"> captions</span>
        </button>
      )}
      <button
        type="button"
        className="player-controls__button"
        onClick={props.onFullscreen}
        aria-label="Full screen"
        title="Full screen"
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
      </button>
      <button
        type="button"
        className="player-controls__button"
        onClick={props.onShowShortcuts}
        aria-keyshortcuts="Shift+?"
        aria-label="Keyboard shortcuts"
      >
        <span aria-hidden="true">?</span>
      </button>
    </div>
  );
}

/** Full screen for the player and its controls together (the video alone would lose them). */
export function toggleFullscreen(element: HTMLElement | null): void {
  if (!element) return;
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void element.requestFullscreen?.().catch(() => undefined);
}
