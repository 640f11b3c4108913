/*
 * A smoothed upload speed from (time, bytes sent) samples, as pure functions so the panel's
 * numbers can be tested without a network. The browser reports progress in bursts (and a
 * resumed upload jumps by the parts already stored), so raw deltas would make the speed and
 * the time left jump about: samples are folded into an exponential moving average whose
 * weight grows with the time each sample covers.
 */

export interface SpeedState {
  /** When the meter last took a sample (ms), or null right after a reset. */
  readonly lastAt: number | null;
  readonly lastBytes: number;
  /** Bytes per second, or null until enough time has been measured. */
  readonly speed: number | null;
  /** How long (ms) the current estimate has been measured over. */
  readonly measuredMs: number;
}

export const SPEED_DEFAULTS = {
  /** Time constant of the average: a sample `tauMs` old weighs 1/e of a new one. */
  tauMs: 5_000,
  /** Samples closer together than this are merged into the next one. */
  minIntervalMs: 400,
  /** No estimate (and no time left) until this much has been measured. */
  settleMs: 1_500,
} as const;

export const initialSpeed: SpeedState = { lastAt: null, lastBytes: 0, speed: null, measuredMs: 0 };

/**
 * Folds one sample in. The first sample after a reset, and any that goes backwards (a part
 * that restarts), only sets the baseline: neither says how fast bytes are moving.
 */
export function sampleSpeed(
  state: SpeedState,
  at: number,
  bytes: number,
  options: { tauMs?: number; minIntervalMs?: number } = {},
): SpeedState {
  const tauMs = options.tauMs ?? SPEED_DEFAULTS.tauMs;
  const minIntervalMs = options.minIntervalMs ?? SPEED_DEFAULTS.minIntervalMs;
  if (state.lastAt === null || bytes < state.lastBytes) {
    return { ...state, lastAt: at, lastBytes: bytes };
  }
  const dt = at - state.lastAt;
  if (dt < minIntervalMs) return state;
  const instant = ((bytes - state.lastBytes) * 1000) / dt;
  const weight = 1 - Math.exp(-dt / tauMs);
  const speed = state.speed === null ? instant : state.speed + weight * (instant - state.speed);
  return { lastAt: at, lastBytes: bytes, speed, measuredMs: state.measuredMs + dt };
}

/** The smoothed speed once it has settled, else null. */
export function settledSpeed(state: SpeedState, settleMs: number = SPEED_DEFAULTS.settleMs) {
  return state.speed !== null && state.measuredMs >= settleMs ? state.speed : null;
}

/** Seconds to send `remaining` bytes at `speed`; null without a usable speed. */
export function secondsLeft(remaining: number, speed: number | null): number | null {
  if (speed === null || speed <= 0) return null;
  return Math.max(0, remaining) / speed;
}
