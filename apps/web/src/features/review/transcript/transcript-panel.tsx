import { formatTimecode } from '@elevate/timecode';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { activeCueIndex } from '../player/captions';
import type { Cue, Transcript } from '../review.types';
import { TranscriptUpload } from './transcript-upload';
import './transcript.css';

type Props = {
  lessonId: string;
  transcript: Transcript | null | undefined;
  currentMs: number;
  onSeek: (ms: number) => void;
  /** The teacher and their coach may upload or remove it. */
  canUpload: boolean;
};

/**
 * The transcript as lines in time order: the line being spoken is highlighted and kept in
 * view, search narrows the lines, and clicking a line plays from it.
 */
export function TranscriptPanel(props: Props) {
  const [query, setQuery] = useState('');
  const cues = useMemo(
    () => [...(props.transcript?.cues ?? [])].sort((a, b) => a.startMs - b.startMs),
    [props.transcript],
  );
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return cues
      .map((cue, index) => ({ cue, index }))
      .filter(({ cue }) => {
        const text = `${cue.speaker ?? ''} ${cue.text}`.toLowerCase();
        return words.every((word) => text.includes(word));
      });
  }, [cues, query]);
  const active = activeCueIndex(cues, props.currentMs);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (active < 0 || query) return;
    const list = listRef.current;
    const line = list?.querySelector<HTMLElement>(`[data-cue="${active}"]`);
    if (!list || !line) return;
    // Scroll the list only, never the page.
    const top = line.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + line.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [active, query]);

  return (
    <section className="review-section transcript" aria-labelledby="transcript-title">
      <div className="transcript__header">
        <h2 id="transcript-title" className="review-section__title">
          Transcript
        </h2>
        {cues.length > 0 && (
          <input
            type="search"
            className="input transcript__search"
            aria-label="Search the transcript"
            placeholder="Search the transcript"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
      </div>
      {cues.length > 0 ? (
        <>
          {query && (
            <p className="small muted" role="status">
              {shown.length} of {cues.length} lines match
            </p>
          )}
          <ol ref={listRef} className="transcript__lines" aria-label="Transcript lines">
            {shown.map(({ cue, index }) => (
              <Line
                key={index}
                cue={cue}
                index={index}
                isActive={index === active}
                onSeek={props.onSeek}
              />
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">
          No transcript yet.{' '}
          {props.canUpload
            ? 'Upload a WebVTT or SRT file (from a captioning tool or a video call) to get captions and a searchable transcript.'
            : ''}
        </p>
      )}
      {props.canUpload && (
        <TranscriptUpload lessonId={props.lessonId} hasTranscript={cues.length > 0} />
      )}
    </section>
  );
}

const Line = memo(function Line(props: {
  cue: Cue;
  index: number;
  isActive: boolean;
  onSeek: (ms: number) => void;
}) {
  const { cue } = props;
  return (
    <li data-cue={props.index} className={`transcript__line${props.isActive ? ' is-active' : ''}`}>
      <button
        type="button"
        className="transcript__button"
        aria-current={props.isActive ? 'time' : undefined}
        onClick={() => props.onSeek(cue.startMs)}
      >
        <span className="transcript__time">{formatTimecode(cue.startMs)}</span>
        <span>
          {cue.speaker && <strong className="transcript__speaker">{cue.speaker}: </strong>}
          {cue.text}
        </span>
      </button>
    </li>
  );
});
