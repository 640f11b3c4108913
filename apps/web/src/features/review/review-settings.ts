import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { MediaController } from './player/media-controller';

const PAUSE_WHILE_TYPING_KEY = 'elevate.review.pauseWhileTyping';
const listeners = new Set<() => void>();

function readPauseWhileTyping(): boolean {
  try {
    return window.localStorage.getItem(PAUSE_WHILE_TYPING_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** "Pause the video while I type": on unless the user turned it off (kept in this browser). */
export function usePauseWhileTypingSetting(): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readPauseWhileTyping,
    () => true,
  );
  const set = useCallback((on: boolean) => {
    try {
      window.localStorage.setItem(PAUSE_WHILE_TYPING_KEY, on ? 'on' : 'off');
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    for (const listener of listeners) listener();
  }, []);
  return [value, set];
}

/**
 * Pauses the video at the first keystroke in a form (when the setting is on) and plays it
 * again once the form is saved or closed, if it was this that paused it.
 */
export function usePauseWhileTyping(controller: MediaController | null | undefined) {
  const [isOn] = usePauseWhileTypingSetting();
  const pausedByUs = useRef(false);
  const onTyping = useCallback(() => {
    if (!isOn || !controller || controller.isPaused() || pausedByUs.current) return;
    controller.pause();
    pausedByUs.current = true;
  }, [controller, isOn]);
  const onDone = useCallback(() => {
    if (pausedByUs.current && controller?.isPaused()) controller.play();
    pausedByUs.current = false;
  }, [controller]);
  return { onTyping, onDone };
}
