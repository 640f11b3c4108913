import { describe, expect, it } from 'vitest';
import { playerController } from './videojs-loader';

/** The few player methods the controller calls, over a media state this test moves by hand. */
function fakePlayer() {
  const listeners = new Map<string, Set<() => void>>();
  const state = { readyState: 0, paused: true, plays: 0, pauses: 0 };
  const player = {
    on: (type: string, fn: () => void) => {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(fn));
    },
    // video.js matches a handler by a guid it shares with its `one` wrapper.
    off: (type: string, fn: (() => void) & { once?: () => void }) => {
      listeners.get(type)?.delete(fn);
      if (fn.once) listeners.get(type)?.delete(fn.once);
    },
    one: (type: string, fn: () => void) => {
      const once = () => {
        listeners.get(type)?.delete(once);
        fn();
      };
      Object.assign(fn, { once });
      player.on(type, once);
    },
    paused: () => state.paused,
    play: () => {
      state.plays++;
      state.paused = false;
      return Promise.resolve();
    },
    pause: () => {
      state.pauses++;
      state.paused = true;
    },
    readyState: () => state.readyState,
    currentTime: () => 0,
    duration: () => 60,
    playbackRate: () => 1,
  };
  const emit = (type: string) => {
    for (const fn of [...(listeners.get(type) ?? [])]) fn();
  };
  const listening = (type: string) => listeners.get(type)?.size ?? 0;
  return { player, state, emit, listening };
}

describe('playerController', () => {
  it('plays at once when the media is ready', () => {
    const { player, state } = fakePlayer();
    state.readyState = 4;
    playerController(player as never).play();
    expect(state.plays).toBe(1);
  });

  it('holds a Play pressed before the metadata and plays when it arrives, once', () => {
    const { player, state, emit } = fakePlayer();
    const controller = playerController(player as never);
    controller.play();
    controller.play(); // pressed twice while loading
    expect(state.plays).toBe(0);
    state.readyState = 1;
    emit('loadedmetadata');
    expect(state.plays).toBe(1);
    emit('loadedmetadata');
    expect(state.plays).toBe(1);
  });

  it('forgets a held Play when paused or disposed before the metadata', () => {
    const { player, state, emit, listening } = fakePlayer();
    const controller = playerController(player as never);
    controller.play();
    controller.pause();
    state.readyState = 1;
    emit('loadedmetadata');
    expect(state.plays).toBe(0);
    state.readyState = 0;
    controller.play();
    controller.dispose();
    emit('loadedmetadata');
    expect(state.plays).toBe(0);
    expect(listening('loadedmetadata')).toBe(0);
  });
});
