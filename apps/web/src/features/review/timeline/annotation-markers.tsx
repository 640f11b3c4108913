import { formatTimecode } from '@elevate/timecode';
import { memo, useMemo } from 'react';
import { domainOf } from '../annotations/annotation-filters';
import type { Annotation } from '../review.types';
import { msToPercent } from './geometry';
import { assignRows } from './marker-rows';

type Props = {
  annotations: readonly Annotation[];
  view: { startMs: number; endMs: number };
  currentId: string | null;
  onSelect: (annotation: Annotation) => void;
};

/**
 * Annotations on the timeline, coloured by the rubric domain of their first code: a dot for
 * a moment, a bar for a range (overlapping bars on separate rows). Each has a 44 px touch
 * target. They are pointer shortcuts: the annotation panel is the keyboard and screen
 * reader way to the same notes, so the markers stay out of the Tab order.
 */
export function AnnotationMarkers({ annotations, view, currentId, onSelect }: Props) {
  const visible = useMemo(
    () =>
      annotations.filter((a) => (a.endMs ?? a.startMs) >= view.startMs && a.startMs <= view.endMs),
    [annotations, view.startMs, view.endMs],
  );
  const rows = useMemo(() => {
    const ranges = visible.map((a) => ({ startMs: a.startMs, endMs: a.endMs ?? a.startMs }));
    return assignRows(ranges, 2);
  }, [visible]);
  return (
    <div className="timeline__lane timeline__lane--markers">
      {visible.map((annotation, index) => (
        <Marker
          key={annotation.id}
          annotation={annotation}
          view={view}
          row={rows[index] ?? 0}
          isCurrent={annotation.id === currentId}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

const Marker = memo(function Marker(props: {
  annotation: Annotation;
  view: { startMs: number; endMs: number };
  row: number;
  isCurrent: boolean;
  onSelect: (annotation: Annotation) => void;
}) {
  const { annotation: a, view } = props;
  const left = msToPercent(a.startMs, view);
  const isRange = a.endMs !== null;
  const width = isRange ? msToPercent(a.endMs ?? a.startMs, view) - left : 0;
  const when = isRange
    ? `${formatTimecode(a.startMs)} to ${formatTimecode(a.endMs ?? a.startMs)}`
    : formatTimecode(a.startMs);
  const privacy = a.visibility === 'private' ? 'Private note' : 'Annotation';
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`marker ${isRange ? 'marker--range' : 'marker--point'}${props.isCurrent ? ' is-current' : ''}`}
      data-domain={domainOf(a.codeIds)}
      data-visibility={a.visibility}
      data-row={props.row}
      style={{ left: `${left}%`, ...(isRange ? { width: `${width}%` } : {}) }}
      aria-label={`${privacy} at ${when}: ${a.body.slice(0, 80)}`}
      title={`${when} · ${a.codeIds.join(', ') || 'no code'} · ${a.body.slice(0, 120)}`}
      onClick={() => props.onSelect(a)}
    />
  );
});
