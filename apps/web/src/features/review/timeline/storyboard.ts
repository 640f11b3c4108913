import type { Storyboard } from '../review.types';

/** Where one storyboard tile sits in the sprite sheet. */
export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The tile that shows the frame at `ms`. The pipeline samples one frame per interval, so
 * tile i covers [i * intervalMs, (i + 1) * intervalMs), the last tile everything after it.
 */
export function tileAt(board: Storyboard, ms: number): Tile {
  const index = Math.min(board.count - 1, Math.max(0, Math.floor(ms / board.intervalMs)));
  return {
    x: (index % board.columns) * board.tileWidth,
    y: Math.floor(index / board.columns) * board.tileHeight,
    width: board.tileWidth,
    height: board.tileHeight,
  };
}
