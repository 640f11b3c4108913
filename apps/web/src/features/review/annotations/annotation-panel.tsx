import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../../api/client';
import type { MediaController } from '../player/media-controller';
import type { Annotation } from '../review.types';
import { usePauseWhileTypingSetting } from '../review-settings';
import { AnnotationFilterBar } from './annotation-filter-bar';
import {
  type AnnotationFilter,
  currentAnnotationId,
  filterAnnotations,
  NO_FILTER,
} from './annotation-filters';
import { AnnotationForm } from './annotation-form';
import { AnnotationItem } from './annotation-item';
import './annotations.css';

export type AnnotationPanelProps = {
  lessonId: string;
  annotations: readonly Annotation[];
  viewer: { id: string; role: Role };
  /** The coach of the lesson's teacher: may write notes. */
  canAnnotate: boolean;
  currentMs: number;
  durationMs: number;
  onSeek: (ms: number) => void;
  controller: MediaController | null;
  /** Set (to the playhead) when a new note was asked for, with N or elsewhere. */
  composeAt: number | null;
  onCompose: (atMs: number | null) => void;
  title?: string;
  emptyText?: string;
};

/**
 * The annotations beside the video: searchable and filterable, virtualised so thousands
 * scroll smoothly, following playback (the note under the playhead is highlighted and
 * kept in view), with the form for new notes and inline editing.
 */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [editing, setEditing] = useState<string | null>(null);
  const [follow, setFollow] = useState(true);
  const [pauseOnType, setPauseOnType] = usePauseWhileTypingSetting();
  const items = useMemo(
    () => filterAnnotations(props.annotations, filter),
    [props.annotations, filter],
  );
  const currentId = currentAnnotationId(items, props.currentMs);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const onEdit = useCallback((annotation: Annotation) => setEditing(annotation.id), []);
  const canReply = props.viewer.role === 'coach' || props.viewer.role === 'teacher';

  useEffect(() => {
    if (!follow || !currentId || editing) return;
    const index = items.findIndex((a) => a.id === currentId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [currentId, follow, editing, items, virtualizer]);

  const playheadMs = () => props.controller?.currentMs() ?? props.currentMs;
  return (
    <section className="notes" aria-labelledby="notes-title">
      <header className="notes__header">
        <h2 id="notes-title" className="review-section__title">
          {props.title ?? 'Annotations'}{' '}
          <span className="notes__count">{props.annotations.length}</span>
        </h2>
        {props.canAnnotate && props.composeAt === null && (
          <button
            type="button"
            className="button button--small"
            aria-keyshortcuts="N"
            onClick={() => props.onCompose(playheadMs())}
          >
            New annotation <kbd>N</kbd>
          </button>
        )}
      </header>
      {props.canAnnotate && props.composeAt !== null && (
        <AnnotationForm
          lessonId={props.lessonId}
          startMs={props.composeAt}
          durationMs={props.durationMs}
          playheadMs={playheadMs}
          controller={props.controller}
          onClose={() => props.onCompose(null)}
        />
      )}
      <AnnotationFilterBar annotations={props.annotations} filter={filter} onChange={setFilter} />
      <div className="notes__options small">
        <label className="checkbox">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          <span>Follow playback</span>
        </label>
        {canReply && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={pauseOnType}
              onChange={(e) => setPauseOnType(e.target.checked)}
            />
            <span>Pause the video while I type</span>
          </label>
        )}
        <span role="status" className="notes__shown">
          {items.length === props.annotations.length
            ? `${items.length} ${items.length === 1 ? 'note' : 'notes'}`
            : `Showing ${items.length} of ${props.annotations.length}`}
        </span>
      </div>
      {/* Scroll containers take keyboard focus on their own in current browsers. */}
      <div ref={scrollRef} className="notes__scroller">
        {items.length === 0 ? (
          <p className="notes__empty muted">
            {props.annotations.length === 0
              ? (props.emptyText ?? 'No annotations yet.')
              : 'No note matches these filters.'}
          </p>
        ) : (
          <ul
            className="notes__list"
            aria-label="Annotation list"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const annotation = items[row.index] as Annotation;
              return (
                <li
                  key={row.key}
                  aria-setsize={items.length}
                  aria-posinset={row.index + 1}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className="notes__row"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  {editing === annotation.id ? (
                    <AnnotationForm
                      lessonId={props.lessonId}
                      annotation={annotation}
                      startMs={annotation.startMs}
                      durationMs={props.durationMs}
                      playheadMs={playheadMs}
                      controller={props.controller}
                      onClose={() => setEditing(null)}
                    />
                  ) : (
                    <AnnotationItem
                      lessonId={props.lessonId}
                      annotation={annotation}
                      viewerId={props.viewer.id}
                      canReply={canReply}
                      isCurrent={annotation.id === currentId}
                      controller={props.controller}
                      onSeek={props.onSeek}
                      onEdit={onEdit}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
