import { describe, expect, it, vi } from 'vitest';
import { activeCueIndex, cuesToVtt } from './captions';
import { BOUNDS_TOLERANCE_MS, clampToClip, enforceClipBounds, playFrom } from './clip-bounds';
import { elementController } from './media-controller';

const clip = { startMs: 60_000, endMs: 120_000 };

describe('keeping playback inside a clip', () => {
  it('does nothing inside the clip', () => {
    expect(enforceClipBounds(60_000, clip, { paused: false })).toEqual({ type: 'none' });
    expect(enforceClipBounds(90_000, clip, { paused: true })).toEqual({ type: 'none' });
  });

  it('pauses on the out-point when playback reaches it (or just overshoots it)', () => {
    expect(enforceClipBounds(120_000, clip, { paused: false })).toEqual({
      type: 'pauseAt',
      toMs: 120_000,
    });
    expect(enforceClipBounds(120_016, clip, { paused: false })).toEqual({
      type: 'pauseAt',
      toMs: 120_000,
    });
    expect(enforceClipBounds(119_995, clip, { paused: false })).toEqual({
      type: 'pauseAt',
      toMs: 120_000,
    });
    expect(enforceClipBounds(119_000, clip, { paused: false })).toEqual({ type: 'none' });
  });

  it('rests on the out-point once paused there, and pulls back a seek past it', () => {
    expect(enforceClipBounds(120_000, clip, { paused: true })).toEqual({ type: 'none' });
    expect(enforceClipBounds(150_000, clip, { paused: true })).toEqual({
      type: 'seek',
      toMs: 120_000,
    });
  });

  it('brings the media to the in-point from before it (the first load starts at 0)', () => {
    expect(enforceClipBounds(0, clip, { paused: true })).toEqual({ type: 'seek', toMs: 60_000 });
    expect(enforceClipBounds(30_000, clip, { paused: false })).toEqual({
      type: 'seek',
      toMs: 60_000,
    });
    expect(enforceClipBounds(60_000 - BOUNDS_TOLERANCE_MS / 2, clip, { paused: false })).toEqual({
      type: 'none',
    });
  });

  it('plays again from the in-point after the end, else from where it is', () => {
    expect(playFrom(120_000, clip)).toBe(60_000);
    expect(playFrom(10_000, clip)).toBe(60_000);
    expect(playFrom(75_000, clip)).toBe(75_000);
    expect(clampToClip(200_000, clip)).toBe(120_000);
    expect(clampToClip(-5, clip)).toBe(60_000);
  });
});

describe('the media element controller (a fake element: jsdom cannot play video)', () => {
  function fakeVideo() {
    const target = new EventTarget();
    return Object.assign(target, {
      currentTime: 0,
      duration: 60,
      paused: true,
      playbackRate: 1,
      play: vi.fn(function (this: { paused: boolean }) {
        this.paused = false;
        return Promise.resolve();
      }),
      pause: vi.fn(function (this: { paused: boolean }) {
        this.paused = true;
      }),
    });
  }

  it('reads and sets times in milliseconds and reports media events', () => {
    const video = fakeVideo();
    const controller = elementController(video as unknown as HTMLMediaElement);
    const listener = vi.fn();
    const unsubscribe = controller.subscribe(listener);
    controller.seek(12_500);
    expect(video.currentTime).toBe(12.5);
    expect(controller.currentMs()).toBe(12_500);
    expect(controller.durationMs()).toBe(60_000);
    controller.play();
    expect(controller.isPaused()).toBe(false);
    video.dispatchEvent(new Event('timeupdate'));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    video.dispatchEvent(new Event('timeupdate'));
    expect(listener).toHaveBeenCalledTimes(1);
    controller.setRate(1.5);
    expect(controller.rate()).toBe(1.5);
    controller.dispose();
  });
});

describe('captions from the transcript', () => {
  const cues = [
    { startMs: 16_000, endMs: 22_000, text: 'Which is bigger?', speaker: 'Teacher' },
    { startMs: 31_000, endMs: 37_000, text: 'Three fourths --> because <reasons> & more' },
  ];

  it('writes WebVTT with voices and escaped text', () => {
    const vtt = cuesToVtt(cues);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('1\n00:00:16.000 --> 00:00:22.000\n<v Teacher>Which is bigger?');
    expect(vtt).toContain(
      '00:00:31.000 --> 00:00:37.000\nThree fourths --&gt; because &lt;reasons&gt; &amp; more',
    );
  });

  it('finds the line being spoken', () => {
    expect(activeCueIndex(cues, 10_000)).toBe(-1);
    expect(activeCueIndex(cues, 16_000)).toBe(0);
    expect(activeCueIndex(cues, 25_000)).toBe(-1);
    expect(activeCueIndex(cues, 36_999)).toBe(1);
  });
});
