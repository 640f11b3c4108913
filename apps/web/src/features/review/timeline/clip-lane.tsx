import { formatTimecode } from '@elevate/timecode';
import { type PointerEvent, useRef } from 'react';
import type { ClipPosition } from '../review.types';
import './clip-lane.css';
import {
  dragHandle,
  type Handle,
  hitTest,
  moveRange,
  msToPercent,
  pxToMs,
  type Range,
  snapMs,
  type View,
} from './geometry';
import { HandleSlider } from './handle-slider';

export interface TimelineClip extends Range {
  position: ClipPosition;
  /** Changed here but not saved yet. */
  isDraft: boolean;
}

type Props = {
  clips: readonly TimelineClip[];
  view: Pick<View, 'startMs' | 'endMs'>;
  durationMs: number;
  editable: boolean;
  selected: ClipPosition | undefined;
  /** The playhead, for snapping a dragged handle to it. */
  playheadMs: () => number;
  onSelect: (position: ClipPosition) => void;
  onChange: (position: ClipPosition, range: Range) => void;
  onSeek: (ms: number) => void;
};

type Drag = { position: ClipPosition; grab: Handle | 'band'; fromMs: number; range: Range };

/** Snap to the playhead or another clip's edge within this many pixels. */
const SNAP_PX = 8;

/**
 * Clip 1 and clip 2 as labelled bands. A coach drags a band's handles (mouse, pen or
 * touch: pointer events with capture) or the band itself, or focuses a handle and uses
 * the arrow keys; the handles never cross and a clip stays at least a second long.
 */
export function ClipLane(props: Props) {
  const laneRef = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);

  const measure = (clientX: number) => {
    const rect = laneRef.current?.getBoundingClientRect();
    const view: View = { ...props.view, widthPx: rect?.width ?? 0 };
    return { px: clientX - (rect?.left ?? 0), view };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const { px, view } = measure(event.clientX);
    const isSelected = (clip: TimelineClip) => Number(clip.position === props.selected);
    const ordered = [...props.clips].sort((a, b) => isSelected(b) - isSelected(a));
    for (const clip of ordered) {
      const grab = hitTest(px, clip, view);
      if (!grab) continue;
      props.onSelect(clip.position);
      if (!props.editable) {
        props.onSeek(clip.startMs);
        return;
      }
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { position: clip.position, grab, fromMs: pxToMs(px, view), range: clip };
      return;
    }
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    const { px, view } = measure(event.clientX);
    const ms = pxToMs(px, view);
    const msPerPx = (view.endMs - view.startMs) / Math.max(1, view.widthPx);
    if (current.grab === 'band') {
      const delta = snapMs(ms - current.fromMs, { stepMs: 100 });
      props.onChange(current.position, moveRange(current.range, delta, props.durationMs));
      return;
    }
    const targets = [
      props.playheadMs(),
      ...props.clips
        .filter((c) => c.position !== current.position)
        .flatMap((c) => [c.startMs, c.endMs]),
    ];
    const snapped = snapMs(ms, { stepMs: 100, targets, thresholdMs: SNAP_PX * msPerPx });
    props.onChange(
      current.position,
      dragHandle(current.range, current.grab, snapped, { durationMs: props.durationMs }),
    );
  };

  const endDrag = () => {
    drag.current = null;
  };

  return (
    <div
      ref={laneRef}
      className={`timeline__lane timeline__lane--clips${props.editable ? ' is-editable' : ''}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    >
      {props.clips.map((clip) => (
        <ClipBand
          key={clip.position}
          clip={clip}
          view={props.view}
          durationMs={props.durationMs}
          editable={props.editable}
          isSelected={clip.position === props.selected}
          onChange={(range) => props.onChange(clip.position, range)}
        />
      ))}
    </div>
  );
}

function ClipBand(props: {
  clip: TimelineClip;
  view: Pick<View, 'startMs' | 'endMs'>;
  durationMs: number;
  editable: boolean;
  isSelected: boolean;
  onChange: (range: Range) => void;
}) {
  const { clip, view } = props;
  const left = msToPercent(clip.startMs, view);
  const width = msToPercent(clip.endMs, view) - left;
  const name = `Clip ${clip.position}`;
  return (
    <div
      className={`clip-band${props.isSelected ? ' is-selected' : ''}${clip.isDraft ? ' is-draft' : ''}`}
      data-position={clip.position}
      title={`${name}: ${formatTimecode(clip.startMs)}–${formatTimecode(clip.endMs)}`}
      style={{ left: `${left}%`, width: `${width}%` }}
    >
      <span className="clip-band__label">
        {name}
        <span className="clip-band__times">
          {' '}
          {formatTimecode(clip.startMs)}–{formatTimecode(clip.endMs)}
          {clip.isDraft ? ' (unsaved)' : ''}
        </span>
      </span>
      {props.editable &&
        (['start', 'end'] as const).map((handle) => (
          <HandleSlider key={handle} {...props} handle={handle} name={name} />
        ))}
    </div>
  );
}
