import { ProgressBar } from '../../components/progress-bar';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { hasVideo, useLessonMedia } from '../lessons/lesson.queries';
import type { StockClip } from './library.queries';

/**
 * A stock clip's video in the browser's own player. Every member of the program may watch
 * it: the API signs its short-lived URL for them as it does for a lesson's.
 */
export function StockVideo({ clip }: { clip: Pick<StockClip, 'video' | 'pseudonym' | 'title'> }) {
  const video = clip.video;
  const isPlayable = video !== null && hasVideo(video.state);
  const media = useLessonMedia(video?.lessonId ?? '', isPlayable);
  if (!video) return <p className="status__text">This clip has no video yet.</p>;
  if (video.state === 'processing') {
    const progress = video.progress ?? 0;
    return (
      <div className="stock-video__waiting">
        <ProgressBar value={progress} label="Preparing the video" valueText={`${progress}% done`} />
        <p className="status__text">The video is being prepared: {progress}% done.</p>
      </div>
    );
  }
  if (video.state === 'failed') {
    return (
      <p className="status__text">The video could not be used; an admin can upload another.</p>
    );
  }
  if (!isPlayable) return <p className="status__text">The video has not been uploaded yet.</p>;
  if (media.isPending) return <LoadingState label="Loading the video…" />;
  if (!media.data) {
    return <ErrorState error={media.error} level={3} onRetry={() => void media.refetch()} />;
  }
  const { video: file, poster } = media.data;
  if (!file) return <p className="status__text">There is no video to play for this clip.</p>;
  return (
    <figure className="stock-video">
      {/* biome-ignore lint/a11y/useMediaCaption: stock classroom recordings come without captions. */}
      <video
        className="stock-video__player"
        controls
        preload="metadata"
        playsInline
        src={file.url}
        poster={poster?.url}
        aria-label={`Video of ${clip.pseudonym}: ${clip.title}`}
      />
    </figure>
  );
}
