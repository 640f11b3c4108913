import { useEffect, useState } from 'react';

interface TimerState {
  /** Time counted before the current run. */
  accumulatedMs: number;
  /** When the current run started (epoch ms), or null while paused. */
  startedAt: number | null;
}

const key = (cycleId: string) => `elevate.conversation-timer.${cycleId}`;

function load(cycleId: string): TimerState {
  try {
    const raw = sessionStorage.getItem(key(cycleId));
    const parsed = raw ? (JSON.parse(raw) as Partial<TimerState>) : {};
    return {
      accumulatedMs: typeof parsed.accumulatedMs === 'number' ? parsed.accumulatedMs : 0,
      startedAt: typeof parsed.startedAt === 'number' ? parsed.startedAt : null,
    };
  } catch {
    return { accumulatedMs: 0, startedAt: null };
  }
}

/**
 * A start/pause timer for the conversation. It counts from timestamps, not ticks, so a
 * background tab stays right; it survives a reload (session storage), so opening a clip
 * in the same tab and coming back does not lose the time.
 */
export function useConversationTimer(cycleId: string, now: () => number = Date.now) {
  const [state, setState] = useState<TimerState>(() => load(cycleId));
  const [, setTick] = useState(0);
  const isRunning = state.startedAt !== null;

  useEffect(() => {
    sessionStorage.setItem(key(cycleId), JSON.stringify(state));
  }, [cycleId, state]);

  useEffect(() => {
    if (!isRunning) return;
    const id = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(id);
  }, [isRunning]);

  const elapsedMs = state.accumulatedMs + (state.startedAt !== null ? now() - state.startedAt : 0);
  return {
    elapsedMs,
    isRunning,
    start: () => setState((s) => (s.startedAt !== null ? s : { ...s, startedAt: now() })),
    pause: () =>
      setState((s) =>
        s.startedAt === null
          ? s
          : { accumulatedMs: s.accumulatedMs + now() - s.startedAt, startedAt: null },
      ),
    reset: () => setState({ accumulatedMs: 0, startedAt: null }),
  };
}
