import { useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../api/client';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useLessonMedia } from './lesson.queries';

/**
 * The lesson's video in the browser's own player, with its poster. Its URLs expire after
 * minutes and are renewed in the background; a new URL replaces the player's only while it
 * is paused (keeping the position), or when the old one has failed, so renewing never
 * interrupts someone watching. The full review player comes later.
 */
export function LessonVideo({ lesson }: { lesson: Lesson }) {
  const media = useLessonMedia(lesson.id, true);
  const videoRef = useRef<HTMLVideoElement>(null);
  const resumeAt = useRef<{ time: number; play: boolean } | null>(null);
  const lastRenewalAt = useRef(0);
  const [src, setSrc] = useState<string | null>(null);
  const latest = media.data?.video?.url ?? null;

  useEffect(() => {
    const video = videoRef.current;
    if (!latest || latest === src) return;
    if (src === null || !video || video.paused) {
      if (video && src !== null) resumeAt.current = { time: video.currentTime, play: false };
      setSrc(latest);
    }
  }, [latest, src]);

  if (media.isPending) return <LoadingState label="Loading the video…" />;
  if (!media.data) {
    return <ErrorState error={media.error} level={2} onRetry={() => void media.refetch()} />;
  }
  const { video, poster } = media.data;
  if (!video) {
    return (
      <div className="lesson-stage">
        <p className="status__text">There is no video to play for this lesson.</p>
      </div>
    );
  }
  return (
    <figure className="lesson-video">
      {/* biome-ignore lint/a11y/useMediaCaption: classroom recordings come without captions; the coaching tools add timed notes later. */}
      <video
        ref={videoRef}
        className="lesson-video__player"
        controls
        preload="metadata"
        playsInline
        src={src ?? video.url}
        poster={poster?.url}
        aria-label={`Video of ${lesson.title}`}
        onLoadedMetadata={(event) => {
          const target = resumeAt.current;
          resumeAt.current = null;
          if (!target) return;
          event.currentTarget.currentTime = target.time;
          if (target.play) void event.currentTarget.play().catch(() => {});
        }}
        onError={(event) => {
          // Most likely the URL expired mid-play: fetch a fresh one and carry on there
          // (once a minute at most: a file the browser cannot play fails every time).
          const element = event.currentTarget;
          if (Date.now() - lastRenewalAt.current < 60_000) return;
          lastRenewalAt.current = Date.now();
          resumeAt.current = { time: element.currentTime, play: !element.paused };
          void media.refetch().then((result) => {
            const fresh = result.data?.video?.url;
            if (fresh && fresh !== src) setSrc(fresh);
          });
        }}
      />
      <figcaption className="lesson-video__caption">
        {lesson.state === 'not_processed'
          ? 'The original file, as uploaded: it plays if your browser supports its format. '
          : ''}
        Private: only the teacher, their coach and the admins the program names can watch it.
      </figcaption>
    </figure>
  );
}
