import { formatMinutesSeconds, formatTimecode } from '@elevate/timecode';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { CopyLinkButton } from '../../../components/copy-link-button';
import { CLIP_POSITIONS, type Clip, type ClipPosition, type WatchedSummary } from '../review.types';
import { ClipEditor } from './clip-editor';
import { clipPath, clipUrl } from './clip-links';
import type { ClipDrafts } from './use-clip-drafts';
import { WatchedMeter } from './watched-meter';
import './clips.css';

type Props = {
  lessonId: string;
  canEdit: boolean;
  durationMs: number;
  clips: readonly Clip[];
  drafts: ClipDrafts;
  selected: ClipPosition;
  onSelect: (position: ClipPosition) => void;
  playheadMs: () => number;
  onMark: (which: 'in' | 'out') => void;
  onSeek: (ms: number) => void;
  watched: WatchedSummary | undefined;
  /** Whose watching the meters report: "The teacher has" or "You have". */
  watcher: string;
};

/**
 * Clip 1 and clip 2: the coach edits them in two tabs (a lesson has two, never a third);
 * the teacher sees each with its summary, reason, a link to watch it and their progress.
 */
export function ClipsSection(props: Props) {
  return (
    <section className="review-section clips" aria-labelledby="clips-title">
      <h2 id="clips-title" className="review-section__title">
        Clips
      </h2>
      {props.canEdit ? <CoachClips {...props} /> : <TeacherClips {...props} />}
    </section>
  );
}

function CoachClips(props: Props) {
  const { selected, drafts } = props;
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: ClipPosition = selected === 1 ? 2 : 1;
    props.onSelect(next);
    document.getElementById(`clip-tab-${next}`)?.focus();
  };
  const saved = drafts.saved(selected);
  return (
    <>
      <p className="small muted">
        A lesson has two clips of about five minutes. Choose a tab, then set in and out with{' '}
        <kbd>I</kbd> and <kbd>O</kbd>, the handles on the timeline, or by typing times.
      </p>
      <div className="clips__tabs" role="tablist" aria-label="Clips">
        {CLIP_POSITIONS.map((position) => {
          const draft = drafts.draftOf(position);
          const has = draft.startMs !== undefined && draft.endMs !== undefined;
          return (
            <button
              key={position}
              id={`clip-tab-${position}`}
              type="button"
              role="tab"
              className="clips__tab"
              aria-selected={position === selected}
              aria-controls={`clip-panel-${position}`}
              tabIndex={position === selected ? 0 : -1}
              onClick={() => props.onSelect(position)}
              onKeyDown={onTabKey}
            >
              Clip {position}
              <span className="clips__tab-times">
                {has
                  ? `${formatTimecode(draft.startMs as number)}–${formatTimecode(draft.endMs as number)}`
                  : 'not set'}
                {drafts.isDirty(position) ? ' •' : ''}
              </span>
            </button>
          );
        })}
      </div>
      <div
        id={`clip-panel-${selected}`}
        role="tabpanel"
        aria-labelledby={`clip-tab-${selected}`}
        className="clips__panel"
      >
        <ClipEditor
          key={selected}
          lessonId={props.lessonId}
          position={selected}
          durationMs={props.durationMs}
          draft={drafts.draftOf(selected)}
          isDirty={drafts.isDirty(selected)}
          saved={saved}
          playheadMs={props.playheadMs}
          onChange={(patch) => drafts.change(selected, patch)}
          onMark={props.onMark}
          onReset={() => drafts.reset(selected)}
        />
        {saved && <ClipShare {...props} clip={saved} />}
      </div>
    </>
  );
}

function ClipShare(props: Props & { clip: Clip }) {
  const { clip } = props;
  return (
    <div className="clips__share">
      <WatchedMeter
        entry={props.watched?.clips.find((c) => c.position === clip.position)}
        who={props.watcher}
      />
      <div className="clips__share-actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => props.onSeek(clip.startMs)}
        >
          Go to the in-point
        </button>
        <Link
          className="button button--secondary button--small"
          to={clipPath(props.lessonId, clip.position)}
        >
          Open clip view
        </Link>
        <CopyLinkButton
          url={clipUrl(props.lessonId, clip.position)}
          label={`Copy link to clip ${clip.position}`}
        />
      </div>
    </div>
  );
}

function TeacherClips(props: Props) {
  if (props.clips.length === 0) {
    return <p className="muted">Your coach has not chosen clips from this lesson yet.</p>;
  }
  return (
    <ul className="clips__cards">
      {props.clips.map((clip) => (
        <li key={clip.id} className="clip-card">
          <h3 className="clip-card__title">
            Clip {clip.position}{' '}
            <span className="clip-card__times">
              {formatMinutesSeconds(clip.startMs)}–{formatMinutesSeconds(clip.endMs)}
            </span>
          </h3>
          <p>{clip.summary}</p>
          <p className="small">
            <strong>Why this clip: </strong>
            {clip.reason}
          </p>
          <WatchedMeter
            entry={props.watched?.clips.find((c) => c.position === clip.position)}
            who={props.watcher}
          />
          <Link className="button button--small" to={clipPath(props.lessonId, clip.position)}>
            Watch clip {clip.position}
          </Link>
        </li>
      ))}
    </ul>
  );
}
