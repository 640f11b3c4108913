import { formatTimecode } from '@elevate/timecode';
import type { Storyboard } from '../review.types';
import { tileAt } from './storyboard';

/** The frame and time under the pointer, floating above the timeline while it hovers. */
export function HoverPreview(props: {
  ms: number;
  /** The pointer's x within the timeline, and the timeline's width, in pixels. */
  x: number;
  widthPx: number;
  storyboard: Storyboard | null;
}) {
  const { storyboard } = props;
  const tile = storyboard ? tileAt(storyboard, props.ms) : null;
  const boxWidth = tile ? tile.width : 64;
  // Kept inside the timeline at both ends.
  const left = Math.min(Math.max(props.x - boxWidth / 2, 0), Math.max(0, props.widthPx - boxWidth));
  return (
    <div className="timeline__preview" aria-hidden="true" style={{ left, width: boxWidth }}>
      {storyboard && tile && (
        <div
          className="timeline__preview-frame"
          style={{
            width: tile.width,
            height: tile.height,
            backgroundImage: `url("${storyboard.url}")`,
            backgroundPosition: `-${tile.x}px -${tile.y}px`,
          }}
        />
      )}
      <span className="timeline__preview-time">{formatTimecode(props.ms)}</span>
    </div>
  );
}
