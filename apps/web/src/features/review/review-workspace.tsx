import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Me } from '../../api/client';
import { currentAnnotationId } from './annotations/annotation-filters';
import { AnnotationPanel } from './annotations/annotation-panel';
import { markAt } from './clips/clip-rules';
import { ClipsSection } from './clips/clips-section';
import { useClipDrafts } from './clips/use-clip-drafts';
import { ExportLinks } from './exports/export-links';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog';
import { useShortcuts } from './keyboard/use-shortcuts';
import { PlayerPanel } from './player/player-panel';
import { useCaptionsUrl } from './player/use-captions-url';
import { usePlayer } from './player/use-player';
import { storyboardOf, useReviewMedia, useTranscript, useWatchedSummary } from './review.queries';
import type { ClipPosition, Timeline as TimelineData } from './review.types';
import { Timeline, type TimelineClip } from './timeline/timeline';
import { TranscriptPanel } from './transcript/transcript-panel';

/**
 * The review page once its data is in: player, timeline, clips, transcript and exports on
 * the left, annotations beside them. The coach (of this teacher) edits; the teacher reads
 * the public notes, replies and watches; the UI offers each only what the API allows.
 */
export function ReviewWorkspace({ me, data }: { me: Me; data: TimelineData }) {
  const { lesson } = data;
  const lessonId = lesson.id;
  const role = me.user.role;
  const canEdit = role === 'coach';
  const player = usePlayer();
  const { playback } = player;
  const media = useReviewMedia(lessonId);
  const transcript = useTranscript(lessonId);
  const watched = useWatchedSummary(lessonId, role === 'coach' || role === 'teacher');
  const captionsUrl = useCaptionsUrl(transcript.data?.cues);
  const drafts = useClipDrafts(data.clips);
  const [selectedClip, setSelectedClip] = useState<ClipPosition>(1);
  const [composeAt, setComposeAt] = useState<number | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  useStartAt(player.controller !== null, player.seek);
  const durationMs =
    lesson.durationMs ??
    (Number.isFinite(playback.durationMs) ? Math.round(playback.durationMs) : 0);

  const sorted = useMemo(
    () => [...data.annotations].sort((a, b) => a.startMs - b.startMs),
    [data.annotations],
  );
  const bands: TimelineClip[] = ([1, 2] as const).flatMap((position) => {
    const draft = drafts.draftOf(position);
    if (draft.startMs === undefined || draft.endMs === undefined) return [];
    return [
      { position, startMs: draft.startMs, endMs: draft.endMs, isDraft: drafts.isDirty(position) },
    ];
  });

  const mark = (which: 'in' | 'out') => {
    const draft = drafts.draftOf(selectedClip);
    const current =
      draft.startMs !== undefined && draft.endMs !== undefined
        ? { startMs: draft.startMs, endMs: draft.endMs }
        : null;
    drafts.change(selectedClip, markAt(which, player.playheadMs(), current, durationMs));
  };

  useShortcuts((action) => {
    switch (action.type) {
      case 'togglePlay':
        player.togglePlay();
        return true;
      case 'seekBy':
        player.seekBy(action.ms);
        return true;
      case 'changeRate':
        player.changeRate(action.step);
        return true;
      case 'showHelp':
        setHelpOpen(true);
        return true;
      case 'markIn':
      case 'markOut':
        if (!canEdit || durationMs <= 0) return false;
        mark(action.type === 'markIn' ? 'in' : 'out');
        return true;
      case 'newAnnotation':
        if (!canEdit) return false;
        setComposeAt(player.playheadMs());
        return true;
    }
  });

  return (
    <div className="review-layout">
      <div className="review-main">
        <PlayerPanel
          player={player}
          media={media.data}
          isMediaLoading={media.isPending}
          onMediaError={() => void media.refetch()}
          captionsUrl={captionsUrl}
          endMs={durationMs}
          label={`Lesson video: ${lesson.title}`}
          onShowShortcuts={() => setHelpOpen(true)}
        />
        {durationMs > 0 && (
          <Timeline
            label="Lesson timeline"
            view={{ startMs: 0, endMs: durationMs }}
            durationMs={durationMs}
            controller={player.controller}
            currentMs={playback.currentMs}
            onSeek={player.seek}
            annotations={sorted}
            currentAnnotationId={currentAnnotationId(sorted, playback.currentMs)}
            onSelectAnnotation={(a) => player.seek(a.startMs)}
            storyboard={storyboardOf(media.data)}
            clips={{
              items: bands,
              editable: canEdit,
              selected: canEdit ? selectedClip : undefined,
              onSelect: setSelectedClip,
              onChange: (position, range) => drafts.change(position, range),
            }}
          />
        )}
        <ClipsSection
          lessonId={lessonId}
          canEdit={canEdit}
          durationMs={durationMs}
          clips={data.clips}
          drafts={drafts}
          selected={selectedClip}
          onSelect={setSelectedClip}
          playheadMs={player.playheadMs}
          onMark={mark}
          onSeek={player.seek}
          watched={watched.data}
          watcher={canEdit ? 'The teacher has' : 'You have'}
        />
        <TranscriptPanel
          lessonId={lessonId}
          transcript={transcript.data}
          currentMs={playback.currentMs}
          onSeek={player.seek}
          canUpload={role === 'coach' || role === 'teacher'}
        />
        <ExportLinks lessonId={lessonId} />
      </div>
      <aside className="review-side" aria-label="Annotations">
        <AnnotationPanel
          lessonId={lessonId}
          annotations={sorted}
          viewer={{ id: me.user.id, role }}
          canAnnotate={canEdit}
          currentMs={playback.currentMs}
          durationMs={durationMs}
          onSeek={player.seek}
          controller={player.controller}
          composeAt={composeAt}
          onCompose={setComposeAt}
          emptyText={
            canEdit
              ? 'No annotations yet: press N or “New annotation” at a moment worth noting.'
              : 'Your coach has not shared annotations on this lesson yet.'
          }
        />
      </aside>
      {isHelpOpen && <ShortcutsDialog canEdit={canEdit} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

/**
 * `?t=<ms>` (a link from the log or a shared moment) opens the review at that moment, once,
 * as soon as the player can seek.
 */
function useStartAt(isPlayerReady: boolean, seek: (ms: number) => void) {
  const [params] = useSearchParams();
  const startAt = Number(params.get('t'));
  const hasStarted = useRef(false);
  useEffect(() => {
    if (!isPlayerReady || hasStarted.current || !Number.isFinite(startAt) || startAt <= 0) return;
    hasStarted.current = true;
    seek(startAt);
  }, [isPlayerReady, startAt, seek]);
}
