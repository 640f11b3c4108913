import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * What the review needs from a player, whatever plays the video: video.js in the app, a
 * plain (or fake) media element in tests. Times are integer milliseconds.
 */
export interface MediaController {
  currentMs(): number;
  /** NaN until the media's metadata has loaded. */
  durationMs(): number;
  isPaused(): boolean;
  rate(): number;
  play(): void;
  pause(): void;
  seek(ms: number): void;
  setRate(rate: number): void;
  /**
   * Called on the media's own events (timeupdate, play, pause, seeked, ratechange...); with
   * `everyFrame`, also on each animation frame while playing, for a smooth playhead and
   * precise clip ends.
   */
  subscribe(listener: () => void, options?: { everyFrame?: boolean }): () => void;
}

export const MEDIA_EVENTS = [
  'timeupdate',
  'play',
  'pause',
  'playing',
  'seeking',
  'seeked',
  'ratechange',
  'loadedmetadata',
  'durationchange',
  'ended',
] as const;

/** The smallest surface of an element or a player that events can be listened on. */
export interface EventSource {
  on(event: string, listener: () => void): void;
  off(event: string, listener: () => void): void;
}

/**
 * Listener bookkeeping shared by the controllers: media events for everyone, plus an
 * animation-frame loop while playing for the listeners that asked for every frame.
 */
export function createSubscriptions(source: EventSource, isPaused: () => boolean) {
  const coarse = new Set<() => void>();
  const fine = new Set<() => void>();
  let frame = 0;
  const tick = () => {
    frame = 0;
    if (isPaused() || fine.size === 0) return;
    for (const listener of fine) listener();
    frame = requestAnimationFrame(tick);
  };
  const onEvent = () => {
    for (const listener of [...coarse, ...fine]) listener();
    if (!frame && !isPaused() && fine.size > 0) frame = requestAnimationFrame(tick);
  };
  for (const event of MEDIA_EVENTS) source.on(event, onEvent);
  return {
    subscribe(listener: () => void, options: { everyFrame?: boolean } = {}) {
      const set = options.everyFrame ? fine : coarse;
      set.add(listener);
      if (options.everyFrame && !frame && !isPaused()) frame = requestAnimationFrame(tick);
      return () => {
        set.delete(listener);
      };
    },
    dispose() {
      for (const event of MEDIA_EVENTS) source.off(event, onEvent);
      if (frame) cancelAnimationFrame(frame);
      coarse.clear();
      fine.clear();
    },
  };
}

/** A controller over a plain HTML media element (also what tests fake). */
export function elementController(media: HTMLMediaElement): MediaController & {
  dispose(): void;
} {
  const subscriptions = createSubscriptions(
    {
      on: (event, listener) => media.addEventListener(event, listener),
      off: (event, listener) => media.removeEventListener(event, listener),
    },
    () => media.paused,
  );
  return {
    currentMs: () => Math.round(media.currentTime * 1000),
    durationMs: () => media.duration * 1000,
    isPaused: () => media.paused,
    rate: () => media.playbackRate,
    play: () => {
      void media.play()?.catch(() => undefined);
    },
    pause: () => media.pause(),
    seek: (ms) => {
      media.currentTime = Math.max(0, ms) / 1000;
    },
    setRate: (rate) => {
      media.playbackRate = rate;
    },
    subscribe: subscriptions.subscribe,
    dispose: subscriptions.dispose,
  };
}

export interface PlaybackSnapshot {
  currentMs: number;
  durationMs: number;
  paused: boolean;
  rate: number;
}

const IDLE: PlaybackSnapshot = { currentMs: 0, durationMs: Number.NaN, paused: true, rate: 1 };

/**
 * The player's state for rendering, re-read on its events (or every frame with
 * `everyFrame`). The same object comes back until something changed, as React requires.
 */
export function usePlayback(
  controller: MediaController | null,
  options: { everyFrame?: boolean } = {},
): PlaybackSnapshot {
  const everyFrame = options.everyFrame ?? false;
  const cache = useRef<PlaybackSnapshot | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => controller?.subscribe(listener, { everyFrame }) ?? (() => undefined),
    [controller, everyFrame],
  );
  return useSyncExternalStore(
    subscribe,
    () => {
      if (!controller) return IDLE;
      const next: PlaybackSnapshot = {
        currentMs: controller.currentMs(),
        durationMs: controller.durationMs(),
        paused: controller.isPaused(),
        rate: controller.rate(),
      };
      const last = cache.current;
      if (
        last &&
        last.currentMs === next.currentMs &&
        last.paused === next.paused &&
        last.rate === next.rate &&
        (last.durationMs === next.durationMs ||
          (Number.isNaN(last.durationMs) && Number.isNaN(next.durationMs)))
      ) {
        return last;
      }
      cache.current = next;
      return next;
    },
    () => IDLE,
  );
}
