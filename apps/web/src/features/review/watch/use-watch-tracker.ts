import { useEffect, useRef } from 'react';
import { useApiClient } from '../../../api/api-context';
import type { ApiClient } from '../../../api/client';
import type { MediaController } from '../player/media-controller';
import { EMPTY_WATCH, flush, type Interval, observe, type WatchState } from './intervals';

/** How often the watched seconds are sent while playing. */
export const SEND_EVERY_MS = 10_000;

/**
 * Records the seconds actually watched and sends them (merged) every ~10 s while
 * playing, at each pause, and when the page is left or hidden. The API merges them with
 * what it holds, so sending a span twice does no harm.
 */
export function useWatchTracker(
  controller: MediaController | null,
  lessonId: string,
  enabled: boolean,
): void {
  const client = useApiClient();
  const state = useRef<WatchState>(EMPTY_WATCH);

  useEffect(() => {
    if (!controller || !enabled) return;
    const send = (keepalive = false) => {
      const result = flush(state.current);
      state.current = result.state;
      if (result.intervals.length > 0) postWatched(client, lessonId, result.intervals, keepalive);
    };
    let wasPlaying = false;
    const unsubscribe = controller.subscribe(() => {
      const playing = !controller.isPaused();
      const ms = controller.currentMs();
      // A pause ends the span where playback stopped, not at the last timeupdate before it.
      if (wasPlaying && !playing) state.current = observe(state.current, { ms, playing: true });
      state.current = observe(state.current, { ms, playing });
      if (wasPlaying && !playing) send();
      wasPlaying = playing;
    });
    const timer = setInterval(() => send(), SEND_EVERY_MS);
    const onHide = () => {
      if (document.visibilityState === 'hidden') send(true);
    };
    const onPageHide = () => send(true);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      state.current = observe(state.current, { ms: controller.currentMs(), playing: false });
      send(true);
    };
  }, [client, controller, enabled, lessonId]);
}

/** Fire and forget: a lost report costs a few seconds of the count, never the page. */
function postWatched(
  client: ApiClient,
  lessonId: string,
  intervals: Interval[],
  keepalive: boolean,
): void {
  void client.lessons[':id'].watched
    .$post(
      { param: { id: lessonId }, json: { intervals } },
      keepalive ? { init: { keepalive } } : {},
    )
    .catch(() => undefined);
}
