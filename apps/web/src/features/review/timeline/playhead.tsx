import { type MediaController, usePlayback } from '../player/media-controller';
import { msToPercent } from './geometry';

/** The line at the current time across every lane, redrawn each frame while playing. */
export function Playhead(props: {
  controller: MediaController | null;
  view: { startMs: number; endMs: number };
}) {
  const { currentMs } = usePlayback(props.controller, { everyFrame: true });
  const isOutside = currentMs < props.view.startMs || currentMs > props.view.endMs;
  return (
    <div
      className="timeline__playhead"
      aria-hidden="true"
      hidden={isOutside}
      style={{ left: `${msToPercent(currentMs, props.view)}%` }}
    />
  );
}
