import { useEffect, useRef } from 'react';
import type { MediaController } from './media-controller';
import type { Player } from './videojs-loader';
import './video-player.css';

type Props = {
  source: { url: string; contentType: string } | null;
  posterUrl: string | null;
  /** A blob: WebVTT URL built from the transcript, or null. */
  captionsUrl: string | null;
  captionsVisible: boolean;
  /** Names the video region for screen readers, e.g. "Lesson video". */
  label: string;
  onController: (controller: MediaController | null) => void;
  /** The signed URL failed (expired, network): the page asks the API for fresh ones. */
  onMediaError: () => void;
  /** Clicking the picture toggles playback, as in most players. */
  onTogglePlay: () => void;
};

/**
 * The video, played by video.js. The library is loaded on first mount with a dynamic
 * import, mounted imperatively (React never renders inside it) and disposed on unmount.
 * A fresh signed URL is swapped in at the same time and play state, but only while paused
 * or after an error, so a URL refresh never interrupts someone watching.
 */
export function VideoPlayer(props: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<Player | null>(null);
  const loadedSrc = useRef<string | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let disposed = false;
    let dispose: () => void = () => {};
    void import('./videojs-loader').then(({ createPlayer, playerController }) => {
      const container = containerRef.current;
      if (disposed || !container) return;
      const { source, posterUrl, label } = latest.current;
      const player = createPlayer(container, { source, posterUrl, label });
      playerRef.current = player;
      loadedSrc.current = source?.url ?? null;
      const controller = playerController(player);
      player.on('error', () => latest.current.onMediaError());
      player.on('pause', () => swapSource(player, latest.current.source, loadedSrc));
      latest.current.onController(controller);
      dispose = () => {
        latest.current.onController(null);
        controller.dispose();
        player.dispose();
      };
    });
    return () => {
      disposed = true;
      playerRef.current = null;
      dispose();
    };
  }, []);

  useEffect(() => {
    const player = playerRef.current;
    if (player && (player.paused() || player.error())) swapSource(player, props.source, loadedSrc);
  }, [props.source]);

  useEffect(() => {
    const player = playerRef.current;
    if (!player) return;
    const poster = props.posterUrl ?? '';
    if (player.poster() !== poster) player.poster(poster);
  }, [props.posterUrl]);

  useCaptions(playerRef, props.captionsUrl, props.captionsVisible);

  return (
    <div className="review-video">
      <div ref={containerRef} className="review-video__mount" />
      <button
        type="button"
        className="review-video__click"
        tabIndex={-1}
        aria-hidden="true"
        onClick={props.onTogglePlay}
      />
    </div>
  );
}

/** Loads a new URL for the same video, keeping the time and whether it was playing. */
function swapSource(
  player: Player,
  source: Props['source'],
  loaded: { current: string | null },
): void {
  if (!source || source.url === loaded.current) return;
  const atSeconds = player.currentTime() ?? 0;
  const wasPlaying = !player.paused() && !player.error();
  loaded.current = source.url;
  player.src({ src: source.url, type: source.contentType });
  player.one('loadedmetadata', () => {
    player.currentTime(atSeconds);
    if (wasPlaying) void player.play()?.catch(() => undefined);
  });
}

/** Keeps one captions <track> (the transcript as WebVTT) on the player, shown or hidden. */
function useCaptions(
  playerRef: { current: Player | null },
  url: string | null,
  visible: boolean,
): void {
  const trackRef = useRef<{ el: unknown; url: string } | null>(null);
  useEffect(() => {
    let frame = 0;
    let isCancelled = false;
    const apply = (player: Player) => {
      if (isCancelled || player.isDisposed()) return;
      if (trackRef.current && trackRef.current.url !== url) {
        player.removeRemoteTextTrack(trackRef.current.el as never);
        trackRef.current = null;
      }
      if (url && !trackRef.current) {
        const el = player.addRemoteTextTrack(
          { kind: 'captions', src: url, srclang: 'en', label: 'Transcript', default: visible },
          false,
        );
        if (el) trackRef.current = { el, url };
      }
      const tracks = player.textTracks() as unknown as ArrayLike<TextTrack>;
      for (let i = 0; i < tracks.length; i += 1) {
        const track = tracks[i];
        if (track && track.kind === 'captions') track.mode = visible ? 'showing' : 'hidden';
      }
    };
    const whenReady = () => {
      const player = playerRef.current;
      // The player arrives asynchronously, and takes tracks once its tech is ready.
      if (player) player.ready(() => apply(player));
      else frame = requestAnimationFrame(whenReady);
    };
    whenReady();
    return () => {
      isCancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [playerRef, url, visible]);
}
