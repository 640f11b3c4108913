import { formatMinutesSeconds } from '@elevate/timecode';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { useViewer } from '../session/session.queries';
import { AnnotationPanel } from './annotations/annotation-panel';
import { clipPath, reviewPath } from './clips/clip-links';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog';
import { useShortcuts } from './keyboard/use-shortcuts';
import { enforceClipBounds } from './player/clip-bounds';
import { PlayerPanel } from './player/player-panel';
import { useCaptionsUrl } from './player/use-captions-url';
import { usePlayer } from './player/use-player';
import { storyboardOf, useReviewMedia, useTimeline, useTranscript } from './review.queries';
import type { Clip, Timeline as TimelineData } from './review.types';
import { Timeline } from './timeline/timeline';
import { useWatchTracker } from './watch/use-watch-tracker';
import './review.css';

/**
 * `/lessons/:lessonId/clips/:position`: one clip, as the teacher watches it before the
 * conversation. Playback starts at the in-point and stops at the out-point; the clip's
 * public notes are listed; the seconds watched are reported for the coach to see.
 */
export default function ClipViewPage() {
  const { lessonId = '', position = '' } = useParams();
  const timeline = useTimeline(lessonId);
  if (timeline.isPending) return <LoadingState label="Loading the clip…" />;
  if (timeline.isError) {
    return <ErrorState error={timeline.error} level={1} onRetry={() => void timeline.refetch()} />;
  }
  const clips = [...timeline.data.clips].sort((a, b) => a.position - b.position);
  const clip = clips.find((c) => String(c.position) === position);
  if (!clip) {
    return (
      <EmptyState title={`Clip ${position} has not been chosen`} level={1}>
        <p className="status__text">The coach chooses up to two clips from a lesson.</p>
        <Link className="button" to={reviewPath(lessonId)}>
          Back to the lesson review
        </Link>
      </EmptyState>
    );
  }
  return <ClipView key={clip.id} data={timeline.data} clips={clips} clip={clip} />;
}

function ClipView({ data, clips, clip }: { data: TimelineData; clips: Clip[]; clip: Clip }) {
  const me = useViewer();
  const lessonId = data.lesson.id;
  const range = useMemo(
    () => ({ startMs: clip.startMs, endMs: clip.endMs }),
    [clip.startMs, clip.endMs],
  );
  const player = usePlayer(range);
  const { controller, playback } = player;
  const media = useReviewMedia(lessonId);
  const transcript = useTranscript(lessonId);
  const captionsUrl = useCaptionsUrl(transcript.data?.cues);
  const [isHelpOpen, setHelpOpen] = useState(false);
  useWatchTracker(controller, lessonId, me.user.role === 'teacher');

  // Keeps playback inside the clip, checked every frame while playing and on every event.
  useEffect(() => {
    if (!controller) return;
    return controller.subscribe(
      () => {
        const decision = enforceClipBounds(controller.currentMs(), range, {
          paused: controller.isPaused(),
        });
        if (decision.type === 'pauseAt') controller.pause();
        if (decision.type !== 'none') controller.seek(decision.toMs);
      },
      { everyFrame: true },
    );
  }, [controller, range]);

  useShortcuts((action) => {
    if (action.type === 'togglePlay') player.togglePlay();
    else if (action.type === 'seekBy') player.seekBy(action.ms);
    else if (action.type === 'changeRate') player.changeRate(action.step);
    else if (action.type === 'showHelp') setHelpOpen(true);
    else return false;
    return true;
  });

  const inRange = data.annotations.filter(
    (a) =>
      a.visibility === 'public' &&
      a.startMs <= clip.endMs &&
      (a.endMs ?? a.startMs) >= clip.startMs,
  );
  const index = clips.indexOf(clip);
  const previous = clips[index - 1];
  const next = clips[index + 1];
  const times = `${formatMinutesSeconds(clip.startMs)}–${formatMinutesSeconds(clip.endMs)}`;
  return (
    <div className="review-page review-page--wide">
      <title>{`Clip ${clip.position}: ${data.lesson.title} · Elevate`}</title>
      <Breadcrumbs
        items={[
          { label: data.lesson.title, to: reviewPath(lessonId) },
          { label: `Clip ${clip.position}` },
        ]}
      />
      <header className="review-header">
        <nav className="clip-view__nav" aria-label="Clips of this lesson">
          {previous && (
            <Link
              className="button button--secondary button--small"
              to={clipPath(lessonId, previous.position)}
            >
              ← Clip {previous.position}
            </Link>
          )}
          <span className="clip-view__position" aria-current="page">
            Clip {index + 1} of {clips.length}
          </span>
          {next && (
            <Link
              className="button button--secondary button--small"
              to={clipPath(lessonId, next.position)}
            >
              Clip {next.position} →
            </Link>
          )}
        </nav>
        <h1>
          Clip {clip.position}: {times}
        </h1>
        <p className="review-header__facts">
          <span>{data.lesson.title}</span>
          <span>
            Playback stays inside the clip: it starts at {formatMinutesSeconds(clip.startMs)} and
            stops at {formatMinutesSeconds(clip.endMs)}.
          </span>
        </p>
      </header>
      <div className="review-layout">
        <div className="review-main">
          <PlayerPanel
            player={player}
            media={media.data}
            isMediaLoading={media.isPending}
            onMediaError={() => void media.refetch()}
            captionsUrl={captionsUrl}
            originMs={clip.startMs}
            endMs={clip.endMs}
            label={`Clip ${clip.position} of the lesson ${data.lesson.title}`}
            onShowShortcuts={() => setHelpOpen(true)}
          />
          <Timeline
            label={`Clip ${clip.position} timeline`}
            view={range}
            durationMs={data.lesson.durationMs ?? clip.endMs}
            controller={controller}
            currentMs={playback.currentMs}
            onSeek={player.seek}
            annotations={inRange}
            currentAnnotationId={null}
            onSelectAnnotation={(a) => player.seek(a.startMs)}
            storyboard={storyboardOf(media.data)}
          />
          <section className="review-section clip-view__about" aria-labelledby="clip-about">
            <h2 id="clip-about" className="review-section__title">
              About this clip
            </h2>
            <p>{clip.summary}</p>
            <p>
              <strong>Why your coach chose it: </strong>
              {clip.reason}
            </p>
          </section>
        </div>
        <aside className="review-side" aria-label="Annotations in this clip">
          <AnnotationPanel
            lessonId={lessonId}
            annotations={inRange}
            viewer={{ id: me.user.id, role: me.user.role }}
            canAnnotate={false}
            currentMs={playback.currentMs}
            durationMs={data.lesson.durationMs ?? clip.endMs}
            onSeek={player.seek}
            controller={controller}
            composeAt={null}
            onCompose={() => undefined}
            title="Notes in this clip"
            emptyText="No shared notes in this clip."
          />
        </aside>
      </div>
      {isHelpOpen && <ShortcutsDialog canEdit={false} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
