import { formatTimecode } from '@elevate/timecode';
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { MediaController } from '../player/media-controller';
import type { Annotation, ClipPosition, Storyboard } from '../review.types';
import { AnnotationMarkers } from './annotation-markers';
import { ClipLane, type TimelineClip } from './clip-lane';
import { msToPercent, pxToMs, type Range, ticks, type View } from './geometry';
import { HoverPreview } from './hover-preview';
import { Playhead } from './playhead';
import './timeline.css';

export type { TimelineClip } from './clip-lane';

type Props = {
  /** Names the position slider, e.g. "Lesson timeline". */
  label: string;
  /** The stretch shown: the whole lesson, or one clip in the clip view. */
  view: { startMs: number; endMs: number };
  durationMs: number;
  controller: MediaController | null;
  currentMs: number;
  onSeek: (ms: number) => void;
  annotations: readonly Annotation[];
  currentAnnotationId: string | null;
  onSelectAnnotation: (annotation: Annotation) => void;
  storyboard: Storyboard | null;
  /** Clip bands; omitted in the clip view. */
  clips?: {
    items: readonly TimelineClip[];
    editable: boolean;
    selected: ClipPosition | undefined;
    onSelect: (position: ClipPosition) => void;
    onChange: (position: ClipPosition, range: Range) => void;
  };
};

const SEEK_KEYS: Record<string, number> = {
  ArrowLeft: -5_000,
  ArrowDown: -5_000,
  ArrowRight: 5_000,
  ArrowUp: 5_000,
  PageDown: -60_000,
  PageUp: 60_000,
};

/**
 * The review's own timeline under the video: a ruler that is the position slider (click,
 * drag or arrow keys to seek), the clip bands, the annotation markers, the playhead, and a
 * storyboard frame under the pointer.
 */
export function Timeline(props: Props) {
  const { view } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const width = useWidth(rootRef);
  const [hover, setHover] = useState<{ x: number; ms: number } | null>(null);
  const scrubbing = useRef(false);
  const fullView: View = { ...view, widthPx: width };
  const tickTimes = useMemo(
    () => ticks({ startMs: view.startMs, endMs: view.endMs, widthPx: width }),
    [view.startMs, view.endMs, width],
  );

  const msAt = (clientX: number) => {
    const rect = rootRef.current?.getBoundingClientRect();
    const x = clientX - (rect?.left ?? 0);
    return { x, ms: pxToMs(x, { ...view, widthPx: rect?.width ?? width }) };
  };
  const onRulerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    scrubbing.current = true;
    props.onSeek(msAt(event.clientX).ms);
  };
  const onRulerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (scrubbing.current) props.onSeek(msAt(event.clientX).ms);
  };
  const onRulerKey = (event: KeyboardEvent) => {
    const step = SEEK_KEYS[event.key];
    const to =
      step !== undefined
        ? props.currentMs + step
        : event.key === 'Home'
          ? view.startMs
          : event.key === 'End'
            ? view.endMs
            : undefined;
    if (to === undefined) return;
    event.preventDefault();
    props.onSeek(Math.min(view.endMs, Math.max(view.startMs, to)));
  };

  return (
    <div
      ref={rootRef}
      className="timeline"
      onPointerMove={(event) =>
        setHover(event.pointerType === 'touch' ? null : msAt(event.clientX))
      }
      onPointerLeave={() => setHover(null)}
    >
      <div
        className="timeline__ruler"
        role="slider"
        tabIndex={0}
        aria-label={props.label}
        aria-valuemin={Math.round(view.startMs / 1000)}
        aria-valuemax={Math.round(view.endMs / 1000)}
        aria-valuenow={Math.round(props.currentMs / 1000)}
        aria-valuetext={`${formatTimecode(props.currentMs)} of ${formatTimecode(view.endMs)}`}
        onPointerDown={onRulerDown}
        onPointerMove={onRulerMove}
        onPointerUp={() => {
          scrubbing.current = false;
        }}
        onPointerCancel={() => {
          scrubbing.current = false;
        }}
        onKeyDown={onRulerKey}
      >
        <div
          className="timeline__progress"
          style={{ width: `${msToPercent(props.currentMs, view)}%` }}
        />
        {tickTimes.map((t) => (
          <span key={t} className="timeline__tick" style={{ left: `${msToPercent(t, view)}%` }}>
            {formatTimecode(t)}
          </span>
        ))}
      </div>
      {props.clips && (
        <ClipLane
          clips={props.clips.items}
          view={view}
          durationMs={props.durationMs}
          editable={props.clips.editable}
          selected={props.clips.selected}
          playheadMs={() => props.controller?.currentMs() ?? props.currentMs}
          onSelect={props.clips.onSelect}
          onChange={props.clips.onChange}
          onSeek={props.onSeek}
        />
      )}
      <AnnotationMarkers
        annotations={props.annotations}
        view={view}
        currentId={props.currentAnnotationId}
        onSelect={props.onSelectAnnotation}
      />
      <Playhead controller={props.controller} view={view} />
      {hover && fullView.widthPx > 0 && (
        <HoverPreview ms={hover.ms} x={hover.x} widthPx={width} storyboard={props.storyboard} />
      )}
    </div>
  );
}

/** The element's width in pixels, kept up to date as the layout changes. */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
