import { useCallback, useState } from 'react';
import type { Clip, ClipPosition } from '../review.types';

/** A clip as it is being edited: times may still be missing for a new clip. */
export interface ClipDraft {
  startMs?: number | undefined;
  endMs?: number | undefined;
  summary: string;
  reason: string;
}

const fromClip = (clip: Clip | undefined): ClipDraft =>
  clip
    ? { startMs: clip.startMs, endMs: clip.endMs, summary: clip.summary, reason: clip.reason }
    : { summary: '', reason: '' };

/**
 * Unsaved edits to clip 1 and clip 2, over the saved clips. The timeline's handles, the
 * I/O keys and the form all change the same draft; saving or discarding drops it.
 */
export function useClipDrafts(clips: readonly Clip[]) {
  const [edits, setEdits] = useState<Partial<Record<ClipPosition, ClipDraft>>>({});
  const saved = useCallback(
    (position: ClipPosition) => clips.find((clip) => clip.position === position),
    [clips],
  );
  const draftOf = useCallback(
    (position: ClipPosition): ClipDraft => edits[position] ?? fromClip(saved(position)),
    [edits, saved],
  );
  const change = useCallback(
    (position: ClipPosition, patch: Partial<ClipDraft>) =>
      setEdits((previous) => ({
        ...previous,
        [position]: { ...(previous[position] ?? fromClip(saved(position))), ...patch },
      })),
    [saved],
  );
  const reset = useCallback(
    (position: ClipPosition) =>
      setEdits((previous) => {
        const { [position]: _dropped, ...rest } = previous;
        return rest;
      }),
    [],
  );
  const isDirty = (position: ClipPosition) => edits[position] !== undefined;
  return { draftOf, change, reset, isDirty, saved };
}

export type ClipDrafts = ReturnType<typeof useClipDrafts>;
