/**
 * The only module that imports video.js and its stylesheet. It is reached through a dynamic
 * import from `video-player.tsx`, so the library arrives in its own chunk when a video is
 * first shown, never with the app's first page. Lessons play as progressive MP4, so this is
 * video.js's core build, without the HLS/DASH engine: half the code to load and compile.
 */
import videojs from 'video.js/core';
import 'video.js/dist/video-js.css';
import { createSubscriptions, type MediaController } from './media-controller';

export type Player = ReturnType<typeof videojs>;

export interface PlayerOptions {
  source: { url: string; contentType: string } | null;
  posterUrl: string | null;
  label: string;
}

/**
 * Mounts video.js on a new <video> inside `container`. Its own control bar stays off:
 * the review draws its own controls and timeline (and the app's CSP keeps video.js's
 * icon font, a data: URL, from loading anyway).
 */
export function createPlayer(container: HTMLElement, options: PlayerOptions): Player {
  const video = document.createElement('video');
  video.className = 'video-js vjs-fluid review-video__element';
  video.setAttribute('playsinline', '');
  video.setAttribute('preload', 'auto');
  container.append(video);
  const player = videojs(video, {
    controls: false,
    fluid: true,
    aspectRatio: '16:9',
    preload: 'auto',
    playsinline: true,
    // Only the picture, the poster, the captions and the spinner: the control bar and
    // dialogs are never built (their icon font, a data: URL, is refused by the app's CSP).
    children: ['mediaLoader', 'posterImage', 'textTrackDisplay', 'loadingSpinner', 'resizeManager'],
    html5: { nativeTextTracks: true },
    ...(options.posterUrl ? { poster: options.posterUrl } : {}),
    ...(options.source
      ? { sources: [{ src: options.source.url, type: options.source.contentType }] }
      : {}),
  });
  player.el().setAttribute('aria-label', options.label);
  return player;
}

/** The part of a video.js player the controller uses. */
type ControlledPlayer = Pick<
  Player,
  'on' | 'off' | 'one' | 'paused' | 'play' | 'pause' | 'readyState' | 'currentTime' | 'duration'
> &
  Pick<Player, 'playbackRate'>;

/** A MediaController over a video.js player. */
export function playerController(player: ControlledPlayer): MediaController & { dispose(): void } {
  const subscriptions = createSubscriptions(
    {
      on: (event, listener) => player.on(event, listener),
      off: (event, listener) => player.off(event, listener),
    },
    () => player.paused(),
  );
  // Play pressed before the media's metadata has arrived (a clip view just opened): video.js
  // queues such a call itself but now and then drops it, so the press waits here instead.
  let pendingPlay: (() => void) | null = null;
  const cancelPendingPlay = () => {
    if (pendingPlay) player.off('loadedmetadata', pendingPlay);
    pendingPlay = null;
  };
  const start = () => {
    // A refused autoplay or an interrupted load rejects: the UI shows "paused" anyway.
    void player.play()?.catch(() => undefined);
  };
  return {
    currentMs: () => Math.round((player.currentTime() ?? 0) * 1000),
    durationMs: () => {
      const seconds = player.duration();
      return seconds && Number.isFinite(seconds) ? seconds * 1000 : Number.NaN;
    },
    isPaused: () => player.paused(),
    rate: () => player.playbackRate() ?? 1,
    play: () => {
      if ((player.readyState() ?? 0) >= HAVE_METADATA) {
        cancelPendingPlay();
        start();
      } else if (!pendingPlay) {
        pendingPlay = () => {
          pendingPlay = null;
          start();
        };
        player.one('loadedmetadata', pendingPlay);
      }
    },
    pause: () => {
      cancelPendingPlay();
      player.pause();
    },
    seek: (ms) => {
      player.currentTime(Math.max(0, ms) / 1000);
    },
    setRate: (rate) => {
      player.playbackRate(rate);
    },
    subscribe: subscriptions.subscribe,
    dispose: () => {
      cancelPendingPlay();
      subscriptions.dispose();
    },
  };
}

/** HTMLMediaElement.HAVE_METADATA: duration and dimensions are known, a seek can start. */
const HAVE_METADATA = 1;
