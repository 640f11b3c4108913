import { useCallback, useState } from 'react';
import { nextRate } from '../keyboard/shortcuts';
import { type ClipRange, clampToClip, playFrom } from './clip-bounds';
import { type MediaController, usePlayback } from './media-controller';

/**
 * The page's hold on the player: the controller once video.js is ready, its state for
 * rendering, and the actions buttons and shortcuts share. With a `clip`, every seek stays
 * inside it and play starts again from the in-point once the clip has ended.
 */
export function usePlayer(clip?: ClipRange) {
  const [controller, setController] = useState<MediaController | null>(null);
  const playback = usePlayback(controller);
  const clipStart = clip?.startMs;
  const clipEnd = clip?.endMs;

  const seek = useCallback(
    (ms: number) => {
      if (!controller) return;
      const bounded =
        clipStart !== undefined && clipEnd !== undefined
          ? clampToClip(ms, { startMs: clipStart, endMs: clipEnd })
          : Math.max(0, Math.round(ms));
      controller.seek(bounded);
    },
    [controller, clipStart, clipEnd],
  );

  const togglePlay = useCallback(() => {
    if (!controller) return;
    if (!controller.isPaused()) {
      controller.pause();
      return;
    }
    if (clipStart !== undefined && clipEnd !== undefined) {
      const from = playFrom(controller.currentMs(), { startMs: clipStart, endMs: clipEnd });
      if (from !== controller.currentMs()) controller.seek(from);
    }
    controller.play();
  }, [controller, clipStart, clipEnd]);

  const seekBy = useCallback(
    (deltaMs: number) => {
      if (controller) seek(controller.currentMs() + deltaMs);
    },
    [controller, seek],
  );

  const changeRate = useCallback(
    (step: 1 | -1) => {
      if (controller) controller.setRate(nextRate(controller.rate(), step));
    },
    [controller],
  );

  const setRate = useCallback((rate: number) => controller?.setRate(rate), [controller]);
  const playheadMs = useCallback(() => controller?.currentMs() ?? 0, [controller]);

  return {
    controller,
    setController,
    playback,
    seek,
    togglePlay,
    seekBy,
    changeRate,
    setRate,
    playheadMs,
  };
}

export type PlayerState = ReturnType<typeof usePlayer>;
