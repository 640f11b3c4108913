#!/usr/bin/env node
// Player benchmark: a generated 60-minute lesson uploaded through the API (the real part
// flow) and processed, then opened in Chromium from Elevate, on local disk and on S3 (Ceph
// RGW). Per run, in a fresh browser context (cold cache), signed in as the teacher:
//   1. first frame: from opening the lesson's review page (navigation start) to the first
//      video frame presented (requestVideoFrameCallback);
//   2. clip: from clicking "Watch clip 1" (clip 1 starts 41:37 into the lesson) to the first
//      frame presented while playing at its in-point; Play is pressed in the page as soon
//      as the clip view offers it. Also split: click → frame at the in-point (paused), and
//      Play → playing.
// Prints median and p95 over the runs, beside the targets (1 s and 300 ms on loopback).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ensurePlayerLesson } from '../fixtures/fixtures.mjs';
import { Session, uploadLesson, waitReady } from './lib/load-api.mjs';
import { machine, median, ms, quantile, table, writeJson } from './lib/load-report.mjs';
import { instrument, pressPlayWhenOffered } from './lib/player-page.mjs';
import { ensureApiBuilt, loadTestSupport, repoRoot, startApi } from './lib/processes.mjs';

const USAGE = `node test/bench/player.mjs [options]
  --runs N        measured runs per store (default 7, after one warm-up)
  --store S       local, s3 or both (default both)
  --minutes N     the lesson's length (default 60)
  --json FILE     also write the figures as one JSON line (- for stdout)
  --build         rebuild apps/api first (apps/web/dist must exist: pnpm -C apps/web run build)
environment, to look closer:
  PLAYER_TRACE=1      print each clip view's media events and requests
  PLAYER_RESOURCES=1  print every request of the review page's opening, with its timing
  PLAYER_PROFILE=DIR  write the page's CPU profile of each opening to DIR (.cpuprofile)`;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    store: { type: 'string', default: 'both' },
    minutes: { type: 'string', default: '60' },
    json: { type: 'string' },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const RUNS = Number(args.runs);
const FIRST_FRAME_TARGET = 1000;
const CLIP_TARGET = 300;
const TEACHER = { email: 'teacher@demo.elevate.test', password: 'elevate-demo-2026' };
const COACH = { email: 'coach@demo.elevate.test', password: 'elevate-demo-2026' };
const webDist = path.join(repoRoot, 'apps/web/dist');
const log = (...a) => console.log(...a);

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A person's click on Play is a user gesture; the in-page press is not, so the
      // autoplay policy must not be what decides whether it plays.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Uploads the lesson as the teacher, waits for processing, and sets clip 1 as the coach. */
async function prepareLesson(origin, file) {
  const teacher = await new Session(origin).signIn(TEACHER.email, TEACHER.password);
  const coach = await new Session(origin).signIn(COACH.email, COACH.password);
  const lesson = await teacher.createLesson('A whole lesson: ratio tables', 'Ratios');
  const data = await fs.readFile(file);
  const up = await uploadLesson(teacher, lesson.id, data);
  const processing = performance.now();
  const ready = await waitReady(teacher, lesson.id, 600_000);
  const processSeconds = (performance.now() - processing) / 1000;
  const inMs = Math.min(2_497_480, ready.durationMs - 60_000); // 41:37.48, between keyframes
  await coach.json('PUT', `/api/lessons/${lesson.id}/clips/1`, 200, {
    startMs: inMs,
    endMs: inMs + 30_000,
    summary: 'Pairs compare two ratio tables.',
    reason: 'A student explains why the rows are equivalent.',
  });
  log(
    `  lesson ${lesson.id}: ${(data.length / 1e6).toFixed(1)} MB uploaded in ${up.seconds.toFixed(1)} s (${up.parts} parts), processed in ${processSeconds.toFixed(1)} s; clip 1 at ${(inMs / 1000).toFixed(2)} s`,
  );
  return { lessonId: lesson.id, inMs, cookie: teacher.cookie };
}

/** One run in a fresh context: the review page's first frame, then clip 1 playing. */
async function oneRun(browser, origin, { lessonId, inMs, cookie }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const [name, value] = [
      cookie.slice(0, cookie.indexOf('=')),
      cookie.slice(cookie.indexOf('=') + 1),
    ];
    await context.addCookies([{ name, value, url: origin, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = process.env.PLAYER_PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${origin}/lessons/${lessonId}/review`);
    await page.waitForFunction(() => window.__bench.frames.length > 0, null, { timeout: 30_000 });
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await fs.writeFile(
        `${process.env.PLAYER_PROFILE}/page-${Date.now()}.cpuprofile`,
        JSON.stringify(profile),
      );
    }
    if (process.env.PLAYER_RESOURCES)
      console.log(
        await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map(
              (r) =>
                `${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)} ${r.name.replace(location.origin, '').slice(0, 60)}`,
            )
            .join('\n'),
        ),
      );
    const open = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const at = (type) => b.events.find((e) => e.n === 1 && e.type === type)?.t;
      const resources = performance.getEntriesByType('resource');
      const lastEnd = (test) =>
        Math.max(0, ...resources.filter((r) => test(r.name)).map((r) => r.responseEnd));
      const first = (test) => resources.find((r) => test(r.name));
      const span = (test) => {
        const r = first(test);
        return r ? [r.startTime, r.responseEnd] : [Number.NaN, Number.NaN];
      };
      return {
        scripts: lastEnd((n) => n.endsWith('.js') && !/videojs/i.test(n)),
        timeline: span((n) => /\/api\/lessons\/[^/]+\/timeline/.test(n)),
        media: span((n) => /\/api\/lessons\/[^/]+\/media/.test(n)),
        chunk: span((n) => /videojs/i.test(n) && n.endsWith('.js')),
        firstFrame: b.frames[0].now,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        loadstart: at('loadstart'),
        loadeddata: at('loadeddata'),
      };
    });

    // Clip 1: a person clicks "Watch clip 1" (a trusted click), then Play.
    const link = page.getByRole('link', { name: 'Watch clip 1' });
    await link.scrollIntoViewIfNeeded();
    const playing = page.evaluate(pressPlayWhenOffered, {
      inSeconds: inMs / 1000,
      timeoutMs: 20_000,
    });
    await link.click();
    const { pressed, frame, lost } = await playing.catch(async (error) => {
      const state = await page.evaluate(() => ({
        path: location.pathname,
        clicks: window.__bench.clicks,
        events: window.__bench.events.slice(-12),
        frames: window.__bench.frames.slice(-5),
        video: [...document.querySelectorAll('video')].map((v) => ({
          t: v.currentTime,
          paused: v.paused,
          readyState: v.readyState,
          error: v.error?.message,
        })),
      }));
      throw new Error(`${error.message}\n${JSON.stringify(state, null, 1)}`);
    });
    const clip = await page.evaluate(
      ({ inSeconds, pressed, wantTrace }) => {
        const b = window.__bench;
        const clicked = b.clicks.find((c) => c.label === 'Watch clip 1').t;
        const atIn = b.frames.find(
          (f) => f.now >= clicked && f.n > 1 && Math.abs(f.mediaTime - inSeconds) < 0.1,
        );
        const trace = wantTrace
          ? [
              ...b.events
                .filter((e) => e.t >= clicked)
                .map((e) => `${(e.t - clicked).toFixed(0)} v${e.n} ${e.type} @${e.at.toFixed(2)}`),
              ...performance
                .getEntriesByType('resource')
                .filter((r) => r.startTime >= clicked && r.name.includes('/api/'))
                .map(
                  (r) => `${(r.startTime - clicked).toFixed(0)} fetch ${new URL(r.name).pathname}`,
                ),
              `${(pressed - clicked).toFixed(0)} Play pressed`,
              ...(b.lostPress
                ? [`${(b.lostPress.at - clicked).toFixed(0)} Play pressed (lost)`]
                : []),
              ...b.clicks
                .filter((c) => c.t >= clicked)
                .map((c) => `${(c.t - clicked).toFixed(0)} click on "${c.label}"`),
            ]
          : [];
        return {
          clicked,
          atIn: atIn?.now ?? null,
          atInPaused: atIn?.paused ?? null,
          pressed,
          trace,
        };
      },
      { inSeconds: inMs / 1000, pressed, wantTrace: Boolean(process.env.PLAYER_TRACE) },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    if (clip.trace.length)
      console.log(
        `    clip trace (ms after the click):\n      ${clip.trace.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)).join('\n      ')}`,
      );
    return {
      firstFrame: open.firstFrame,
      dcl: open.domContentLoaded,
      scripts: open.scripts,
      timeline: open.timeline,
      media: open.media,
      chunk: open.chunk,
      appToVideo: open.loadstart,
      videoToFrame: open.firstFrame - open.loadstart,
      clipToPlaying: frame.now - clip.clicked,
      clipToInPoint: clip.atIn === null ? Number.NaN : clip.atIn - clip.clicked,
      playToPlaying: frame.now - pressed,
      playingAt: frame.mediaTime,
      lostPlay: lost,
    };
  } finally {
    await context.close();
  }
}

async function benchStore(store, file, browser) {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), `elevate-bench-player-${store}-`));
  const stops = [];
  try {
    let env = { STORAGE_DRIVER: 'local' };
    if (store === 's3') {
      const { startRgw } = await loadTestSupport('rgw', work);
      const rgw = await startRgw();
      stops.push(rgw.stop);
      env = (origin) => ({
        STORAGE_DRIVER: 's3',
        S3_ENDPOINT: rgw.endpoint,
        S3_BUCKET: 'elevate-player-bench',
        S3_ACCESS_KEY_ID: rgw.accessKeyId,
        S3_SECRET_ACCESS_KEY: rgw.secretAccessKey,
        S3_CORS_ORIGINS: origin,
      });
      log(`${store}: RGW ${rgw.endpoint}`);
    }
    const api = await startApi({
      dataDir: path.join(work, 'api'),
      env: (origin) => ({
        RUN_WORKER: 'on',
        WEB_DIST: webDist,
        ...(typeof env === 'function' ? env(origin) : env),
      }),
    });
    stops.unshift(api.stop);
    log(`${store}: API ${api.origin} (pid ${api.pid})`);
    const lesson = await prepareLesson(api.origin, file);
    const runs = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = await oneRun(browser, api.origin, lesson);
      const line = `  ${i === 0 ? 'warm-up' : `run ${i}`}: first frame ${ms(r.firstFrame)} ms (DOMContentLoaded ${ms(r.dcl)}, app scripts by ${ms(r.scripts)}, timeline ${ms(r.timeline[0])}–${ms(r.timeline[1])}, media URLs ${ms(r.media[0])}–${ms(r.media[1])}, video.js chunk ${ms(r.chunk[0])}–${ms(r.chunk[1])}, <video> loadstart ${ms(r.appToVideo)}, its first frame ${ms(r.videoToFrame)} later); clip 1 → playing at ${r.playingAt.toFixed(2)} s in ${ms(r.clipToPlaying)} ms (at in-point ${ms(r.clipToInPoint)}, Play → playing ${ms(r.playToPlaying)})${r.lostPlay ? `; the first Play press was lost (${r.lostPlay})` : ''}`;
      log(line);
      if (i > 0) runs.push(r);
    }
    return runs;
  } finally {
    for (const stop of stops) await stop().catch((e) => console.error(e.message));
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function main() {
  ensureApiBuilt(args.build);
  await fs.access(path.join(webDist, 'index.html')).catch(() => {
    throw new Error('apps/web/dist is missing: run pnpm -C apps/web run build');
  });
  const file = await ensurePlayerLesson(Number(args.minutes));
  log(`lesson file: ${path.relative(repoRoot, file)}`);
  const stores = args.store === 'both' ? ['local', 's3'] : [args.store];
  const browser = await launch();
  const results = {};
  try {
    for (const store of stores) results[store] = await benchStore(store, file, browser);
  } finally {
    await browser.close();
  }
  const rows = [];
  const figures = [];
  const metrics = [
    ['first frame (open review page → first frame)', 'firstFrame', FIRST_FRAME_TARGET],
    ['clip 1 (click → playing at in-point)', 'clipToPlaying', CLIP_TARGET],
    ['  of which click → frame at in-point', 'clipToInPoint', null],
    ['  of which Play → playing', 'playToPlaying', null],
  ];
  for (const store of stores) {
    for (const [label, key, target] of metrics) {
      const values = results[store].map((r) => r[key]).filter(Number.isFinite);
      const med = median(values);
      const p95 = quantile(values, 0.95);
      rows.push([
        store,
        label,
        ms(med),
        ms(p95),
        ms(Math.min(...values)),
        ms(Math.max(...values)),
        target
          ? `${target} ms: ${p95 <= target ? 'met' : med <= target ? 'median met, p95 not' : 'NOT met'}`
          : '',
      ]);
      if (target) {
        figures.push({
          name: `player (${store}): ${label}`,
          value: `median ${ms(med)} / p95 ${ms(p95)} ms`,
          target: `≤ ${target} ms`,
          met: p95 <= target,
        });
      }
    }
    const lost = results[store].reduce((n, r) => n + r.lostPlay, 0);
    if (lost) {
      figures.push({
        name: `player (${store}): first Play press in the clip view lost`,
        value: `${lost} of ${results[store].length} runs`,
        target: 'never',
        met: false,
      });
    }
  }
  log(
    `\n${RUNS} runs per store after a warm-up, each in a fresh browser context (cold cache), loopback`,
  );
  log(table(['store', 'measure', 'median ms', 'p95 ms', 'min', 'max', 'target'], rows));
  const m = machine();
  log(
    `machine: ${m.cores} cores, Node ${m.node}, Chromium ${browser.version?.() ?? ''}, load average ${m.loadavg.join(' ')}`,
  );
  writeJson(args.json, 'player', figures, [`${RUNS} runs per store, load average ${m.loadavg[0]}`]);
}

await main();
