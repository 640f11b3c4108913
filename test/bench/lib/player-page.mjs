// What the player benchmark measures inside the page, on the page's own clock
// (performance.now(), 0 = the navigation's start): every frame each <video> presents
// (requestVideoFrameCallback), the media events, and every click.

/** Installed before any of the app's scripts run (Playwright's addInitScript). */
export function instrument() {
  const bench = { frames: [], events: [], clicks: [], videos: 0 };
  window.__bench = bench;
  const ids = new WeakMap();
  const idOf = (v) => {
    if (!ids.has(v)) {
      ids.set(v, ++bench.videos);
      const cb = (now, meta) => {
        bench.frames.push({
          n: ids.get(v),
          now,
          expected: meta.expectedDisplayTime,
          mediaTime: meta.mediaTime,
          paused: v.paused,
        });
        v.requestVideoFrameCallback(cb);
      };
      v.requestVideoFrameCallback(cb);
    }
    return ids.get(v);
  };
  for (const type of [
    'loadstart',
    'loadedmetadata',
    'loadeddata',
    'seeking',
    'seeked',
    'play',
    'playing',
    'pause',
    'emptied',
    'abort',
  ]) {
    addEventListener(
      type,
      (e) => {
        if (!(e.target instanceof HTMLVideoElement)) return;
        bench.events.push({
          n: idOf(e.target),
          type,
          t: performance.now(),
          at: e.target.currentTime,
        });
      },
      true,
    );
  }
  addEventListener(
    'click',
    (e) => {
      const target = e.target instanceof Element ? e.target.closest('a,button') : null;
      bench.clicks.push({ t: performance.now(), label: target?.textContent?.trim() ?? '' });
    },
    true,
  );
}

/**
 * After the trusted click on "Watch clip 1": presses Play as soon as the clip view offers it
 * (as a person whose next move is Play would, without a person's reaction time), then
 * resolves once a frame at the in-point has been presented while playing.
 */
export function pressPlayWhenOffered({ inSeconds, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const bench = window.__bench;
    const started = performance.now();
    const selector = 'button[aria-keyshortcuts="Space K"]';
    // The review page's own Play button stays in the DOM for a moment after the click: only
    // the clip view's counts, and it is enabled only once its player is ready.
    const before = new Set(document.querySelectorAll(selector));
    let pressed = null;
    let retried = false;
    let lost = 0;
    const tick = () => {
      if (performance.now() - started > timeoutMs) {
        reject(new Error(`no playing frame at ${inSeconds} s within ${timeoutMs} ms`));
        return;
      }
      if (pressed === null) {
        // The player's own Play button (its name is "▶ Play"; Space and K do the same).
        const play = [...document.querySelectorAll(selector)].find(
          (b) => !before.has(b) && b.textContent?.trim().endsWith('Play') && !b.disabled,
        );
        // ... and only once the clip view's own <video> exists (its loadstart was seen): a
        // button that appears earlier may still be the review page's, re-rendered on its way out.
        if (play && bench.videos >= 2) {
          pressed = performance.now();
          play.click();
        }
      } else if (performance.now() - pressed > 2000 && !retried) {
        // Pressed, yet not playing 2 s later: the press was lost. Count it, press again.
        retried = true;
        lost++;
        bench.lostPress = { at: pressed, label: 'lost press' };
        pressed = null;
      }
      const frame = bench.frames.find(
        (f) =>
          pressed !== null &&
          f.now >= pressed &&
          !f.paused &&
          f.mediaTime >= inSeconds - 0.05 &&
          f.mediaTime < inSeconds + 1,
      );
      if (frame) resolve({ pressed, frame, lost });
      else requestAnimationFrame(tick);
    };
    tick();
  });
}
