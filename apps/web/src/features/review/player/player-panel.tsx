import { useRef, useState } from 'react';
import type { ReviewMedia } from '../review.types';
import { PlayerControls, toggleFullscreen } from './player-controls';
import type { PlayerState } from './use-player';
import { VideoPlayer } from './video-player';

type Props = {
  player: PlayerState;
  media: ReviewMedia | undefined;
  isMediaLoading: boolean;
  onMediaError: () => void;
  captionsUrl: string | null;
  /** Where the controls' clock and end sit: the lesson, or the clip in the clip view. */
  originMs?: number;
  endMs: number;
  label: string;
  onShowShortcuts: () => void;
};

/** The video with our controls under it, full-screened together. */
export function PlayerPanel(props: Props) {
  const { player, media } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const [captionsOn, setCaptionsOn] = useState(true);
  const video = media?.video ?? null;
  return (
    <div ref={rootRef} className="review-player">
      {video ? (
        <VideoPlayer
          source={video}
          posterUrl={media?.poster?.url ?? null}
          captionsUrl={props.captionsUrl}
          captionsVisible={captionsOn}
          label={props.label}
          onController={player.setController}
          onMediaError={props.onMediaError}
          onTogglePlay={player.togglePlay}
        />
      ) : (
        <div className="review-video__empty">
          {props.isMediaLoading
            ? 'Loading the video…'
            : 'The video is not ready to play yet. It appears here once it has been processed.'}
        </div>
      )}
      <PlayerControls
        playback={player.playback}
        endMs={props.endMs}
        {...(props.originMs !== undefined ? { originMs: props.originMs } : {})}
        disabled={!player.controller}
        onTogglePlay={player.togglePlay}
        onSeekBy={player.seekBy}
        onRate={player.setRate}
        captions={{
          available: props.captionsUrl !== null,
          on: captionsOn,
          onToggle: () => setCaptionsOn((on) => !on),
        }}
        onFullscreen={() => toggleFullscreen(rootRef.current)}
        onShowShortcuts={props.onShowShortcuts}
      />
    </div>
  );
}
