import { describe, expect, it } from 'vitest';
import {
  decideRetry,
  describeFailure,
  isStalled,
  RETRY_POLICY,
  retryDelayMs,
} from './retry-policy';
import { initialSpeed, sampleSpeed, secondsLeft, settledSpeed } from './speed-meter';
import {
  formatBytes,
  formatProgress,
  formatSpeed,
  formatTimeLeft,
  percentOf,
} from './upload-format';

const MiB = 1024 * 1024;

describe('upload numbers', () => {
  it('formats sizes in 1024-byte units, as the API words its limits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(950 * 1024)).toBe('950 KB');
    expect(formatBytes(12.44 * MiB)).toBe('12.4 MB');
    expect(formatBytes(128 * MiB)).toBe('128 MB');
    expect(formatBytes(1.25 * 1024 * MiB)).toBe('1.25 GB');
    expect(formatProgress(40 * MiB, 96 * MiB)).toBe('40.0 MB of 96.0 MB');
    expect(formatProgress(200 * MiB, 96 * MiB)).toBe('96.0 MB of 96.0 MB');
  });

  it('formats a speed only once there is one', () => {
    expect(formatSpeed(2.34 * MiB)).toBe('2.3 MB/s');
    expect(formatSpeed(null)).toBeNull();
    expect(formatSpeed(0)).toBeNull();
  });

  it('rounds the time left to something calm', () => {
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(4)).toBe('less than 10 s left');
    expect(formatTimeLeft(42)).toBe('about 40 s left');
    expect(formatTimeLeft(44)).toBe('about 45 s left');
    expect(formatTimeLeft(185)).toBe('about 3 min left');
    expect(formatTimeLeft(3600)).toBe('about 1 h left');
    expect(formatTimeLeft(3900)).toBe('about 1 h 5 min left');
  });

  it('says 100% only when every byte is there', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(996, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, 1000)).toBe(0);
  });
});

describe('speed meter', () => {
  it('takes the first sample as a baseline, then averages', () => {
    let state = sampleSpeed(initialSpeed, 0, 10 * MiB);
    expect(state.speed).toBeNull();
    state = sampleSpeed(state, 1000, 12 * MiB);
    expect(state.speed).toBe(2 * MiB);
    // A slower second makes the average drop, but not all the way at once.
    state = sampleSpeed(state, 2000, 13 * MiB);
    expect(state.speed).toBeLessThan(2 * MiB);
    expect(state.speed).toBeGreaterThan(1 * MiB);
  });

  it('does not count a resumed upload’s jump, or a part that restarts, as speed', () => {
    // The stored parts arrive as the first sample after a (re)start: a baseline only.
    let state = sampleSpeed(initialSpeed, 0, 60 * MiB);
    state = sampleSpeed(state, 1000, 61 * MiB);
    expect(state.speed).toBe(MiB);
    // A failed part starts over: bytes go back, the baseline moves, the speed stays.
    const before = state.speed;
    state = sampleSpeed(state, 1500, 56 * MiB);
    expect(state.speed).toBe(before);
    expect(state.lastBytes).toBe(56 * MiB);
  });

  it('merges samples closer together than the minimum interval', () => {
    const state = sampleSpeed(sampleSpeed(initialSpeed, 0, 0), 100, MiB);
    expect(state.lastAt).toBe(0);
  });

  it('gives a speed and a time left only once settled', () => {
    let state = sampleSpeed(initialSpeed, 0, 0);
    state = sampleSpeed(state, 1000, MiB);
    expect(settledSpeed(state)).toBeNull();
    state = sampleSpeed(state, 2000, 2 * MiB);
    expect(settledSpeed(state)).toBeCloseTo(MiB, 0);
    expect(secondsLeft(10 * MiB, settledSpeed(state))).toBeCloseTo(10, 0);
    expect(secondsLeft(10 * MiB, null)).toBeNull();
  });
});

describe('retry policy', () => {
  const middle = () => 0.5;

  it('backs off exponentially from one second to a 30-second cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('spreads each delay by up to 20% either way, never past the cap', () => {
    expect(retryDelayMs(1, () => 0)).toBe(800);
    expect(retryDelayMs(1, () => 1)).toBe(1200);
    expect(retryDelayMs(10, () => 1)).toBe(30000);
    expect(retryDelayMs(10, () => 0)).toBe(24000);
  });

  it('reads what failed from Uppy’s S3 errors, our API’s problems and dropped connections', () => {
    expect(describeFailure({ name: 'S3NetworkError', code: 'NETWORK' })).toEqual({
      kind: 'network',
    });
    expect(describeFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(describeFailure({ status: 0, code: 'network_error' })).toEqual({ kind: 'network' });
    expect(describeFailure({ status: 503, body: '' })).toEqual({ kind: 'server', status: 503 });
    expect(describeFailure({ status: 429 })).toEqual({ kind: 'server', status: 429 });
    expect(describeFailure({ status: 401, code: 'unauthenticated' })).toEqual({
      kind: 'signed-out',
    });
    const closed = JSON.stringify({
      code: 'upload_closed',
      title: 'This upload has ended',
      detail: 'Start the upload again.',
      status: 409,
    });
    expect(describeFailure({ status: 409, body: closed })).toEqual({
      kind: 'ended',
      detail: 'Start the upload again.',
    });
    const mismatch = JSON.stringify({
      code: 'parts_mismatch',
      title: 'The upload is not complete',
      detail: 'part 3 was not received',
    });
    expect(describeFailure({ status: 400, body: mismatch })).toEqual({
      kind: 'refused',
      status: 400,
      title: 'The upload is not complete',
      detail: 'part 3 was not received',
    });
    expect(describeFailure(new Error('Missing ETag'))).toEqual({
      kind: 'unknown',
      message: 'Missing ETag',
    });
  });

  it('retries what may pass, waits for the network, and stops on refusals', () => {
    const online = { isOnline: true, random: middle };
    expect(decideRetry({ kind: 'network' }, { attempt: 1, ...online })).toEqual({
      action: 'retry',
      delayMs: 1000,
    });
    expect(decideRetry({ kind: 'network' }, { attempt: 1, isOnline: false })).toEqual({
      action: 'wait-online',
    });
    expect(decideRetry({ kind: 'server', status: 502 }, { attempt: 3, ...online })).toEqual({
      action: 'retry',
      delayMs: 4000,
    });
    expect(
      decideRetry(
        { kind: 'server', status: 502 },
        { attempt: RETRY_POLICY.maxAttempts + 1, ...online },
      ),
    ).toEqual({ action: 'stop' });
    expect(decideRetry({ kind: 'ended', detail: undefined }, { attempt: 1, ...online })).toEqual({
      action: 'stop',
    });
    expect(decideRetry({ kind: 'signed-out' }, { attempt: 1, ...online })).toEqual({
      action: 'stop',
    });
  });

  it('calls an upload stalled after 30 s without progress, or 2 min while completing', () => {
    expect(isStalled(0, 30_000, false)).toBe(false);
    expect(isStalled(0, 30_001, false)).toBe(true);
    expect(isStalled(0, 60_000, true)).toBe(false);
    expect(isStalled(0, 120_001, true)).toBe(true);
  });
});
