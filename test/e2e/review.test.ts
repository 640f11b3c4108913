import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLesson } from '../fixtures/fixtures.mjs';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { collectPageErrors, signInThroughPage } from '../support/sign-in';

// The demo program's coach and teacher (DEMO=on seeds them, the teacher on the coach's caseload).
const PASSWORD = 'elevate-demo-2026';
const COACH = { email: 'coach@demo.elevate.test', password: PASSWORD };
const TEACHER = { email: 'teacher@demo.elevate.test', password: PASSWORD };
const MiB = 1024 * 1024;
const PUBLIC_NOTE = 'Students compare the two fractions on the number line.';
const PRIVATE_NOTE = 'Planning: ask who did the explaining here.';
// Set SCREENSHOT_DIR to keep pictures of the pages this journey visits.
const SHOTS = process.env.SCREENSHOT_DIR;

let server: RunningServer;
let browser: Browser;
let lessonId: string;
let durationMs: number;

/** A Node client of the API with the session cookie and the Origin a browser would send. */
class ApiClient {
  private cookie = '';
  constructor(private readonly origin: string) {}

  async call(
    method: string,
    url: string,
    status: number,
    init: { json?: unknown; body?: BodyInit; type?: string } = {},
  ) {
    const res = await fetch(new URL(url, this.origin), {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null),
    });
    const text = await res.text();
    if (res.status !== status)
      throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
    return { res, text };
  }

  async json<T>(method: string, url: string, status: number, json?: unknown): Promise<T> {
    return JSON.parse((await this.call(method, url, status, { json })).text) as T;
  }

  async signIn(person: { email: string; password: string }) {
    const { res } = await this.call('POST', '/api/auth/sign-in/email', 200, { json: person });
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return this;
  }
}

/** Creates a lesson as the teacher and uploads the file the way the browser's uploader does. */
async function uploadLesson(teacher: ApiClient, file: string): Promise<string> {
  const lesson = await teacher.json<{ id: string }>('POST', '/api/lessons', 201, {
    title: 'Review journey: equivalent fractions',
    taughtOn: '2026-11-10',
    grade: '4',
    topic: 'Fractions',
    consent: true,
  });
  const data = await fs.readFile(file);
  const { upload } = await teacher.json<{
    upload: { id: string; partSize: number; partCount: number };
  }>('POST', `/api/lessons/${lesson.id}/upload`, 201, {
    fileName: path.basename(file),
    size: data.length,
    contentType: 'video/mp4',
  });
  await teacher.call('POST', `/api/uploads/${upload.id}/s3/create`, 200);
  const parts: string[] = [];
  for (let n = 1; n <= upload.partCount; n++) {
    const { url } = await teacher.json<{ url: string }>(
      'POST',
      `/api/uploads/${upload.id}/parts/${n}/sign`,
      200,
    );
    const body = data.subarray(
      (n - 1) * upload.partSize,
      Math.min(n * upload.partSize, data.length),
    );
    const res = await fetch(new URL(url, server.url), { method: 'PUT', body });
    if (!res.ok) throw new Error(`part ${n}: ${res.status}`);
    parts.push(`<Part><PartNumber>${n}</PartNumber><ETag>${res.headers.get('etag')}</ETag></Part>`);
  }
  await teacher.call('POST', `/api/uploads/${upload.id}/s3/complete`, 200, {
    body: `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`,
    type: 'application/xml',
  });
  return lesson.id;
}

async function waitUntilReady(client: ApiClient, id: string): Promise<{ durationMs: number }> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const lesson = await client.json<{ state: string; durationMs: number | null }>(
      'GET',
      `/api/lessons/${id}`,
      200,
    );
    if (lesson.state === 'ready' && lesson.durationMs) return { durationMs: lesson.durationMs };
    if (lesson.state === 'failed') throw new Error('the lesson failed to process');
    if (Date.now() > deadline) throw new Error(`the lesson is still ${lesson.state}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

beforeAll(async () => {
  const file = await ensureLesson(1); // one minute of 720p H.264
  server = await startServer({ DEMO: 'on', UPLOAD_PART_SIZE_MIN: String(5 * MiB) });
  browser = await launchBrowser();
  const teacher = await new ApiClient(server.url).signIn(TEACHER);
  lessonId = await uploadLesson(teacher, file);
  ({ durationMs } = await waitUntilReady(teacher, lessonId));
  if (SHOTS) await fs.mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

async function personAt(person: { email: string; password: string }, at: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(at)}`);
  await signInThroughPage(page, person.email, person.password);
  await page.waitForURL(`${server.url}${at}`);
  return { page, errors };
}

/** The demo lesson, once processed (the coach can see it). */
async function readyDemoLesson(): Promise<{ id: string; title: string }> {
  const coachApi = await new ApiClient(server.url).signIn(COACH);
  const { items } = await coachApi.json<{ items: Array<{ id: string; title: string }> }>(
    'GET',
    '/api/lessons',
    200,
  );
  const demo = items.find((lesson) => lesson.title === 'Comparing fractions with a number line');
  if (!demo) throw new Error('no demo lesson');
  await waitUntilReady(coachApi, demo.id);
  return demo;
}

const video = (page: Page) => page.locator('video').first();
const videoTime = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.currentTime);
const whenPlayable = (page: Page) =>
  page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);

/** Clicks the lesson timeline (the position slider) at `ms` and waits for the video to get there. */
async function seekByClick(page: Page, ms: number): Promise<number> {
  const ruler = page.getByRole('slider', { name: 'Lesson timeline' });
  await ruler.scrollIntoViewIfNeeded();
  const box = await ruler.boundingBox();
  if (!box) throw new Error('the timeline is not on screen');
  await ruler.click({ position: { x: (box.width * ms) / durationMs, y: box.height / 2 } });
  await page.waitForFunction(
    (target) =>
      Math.abs((document.querySelector('video')?.currentTime ?? -1) * 1000 - target) < 500,
    ms,
  );
  return Math.round((await videoTime(page)) * 1000);
}

/** Drags a clip handle (a slider) to `ms` with the mouse, as a coach drags it. */
async function dragHandle(page: Page, name: string, ms: number) {
  const handle = page.getByRole('slider', { name });
  await handle.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const ruler = await page.getByRole('slider', { name: 'Lesson timeline' }).boundingBox();
  if (!from || !ruler) throw new Error(`${name} is not on screen`);
  const y = from.y + from.height / 2;
  await page.mouse.move(from.x + from.width / 2, y);
  await page.mouse.down();
  const toX = ruler.x + (ruler.width * ms) / durationMs;
  await page.mouse.move(toX, y, { steps: 8 });
  await page.mouse.up();
}

/** A full-page picture, taken from the top (the sticky header would land mid-page otherwise). */
const shot = async (page: Page, name: string, width?: number) => {
  if (!SHOTS) return;
  if (width) await page.setViewportSize({ width, height: width >= 1024 ? 900 : 1024 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

describe('lesson review: clips, notes, and the teacher watching a clip', () => {
  it('the coach sets two clips and annotates; the teacher sees the public note and watches clip 1', async () => {
    const reviewPath = `/lessons/${lessonId}/review`;
    const coach = await personAt(COACH, reviewPath);
    const { page } = coach;
    await page
      .getByRole('heading', { level: 1, name: 'Review journey: equivalent fractions' })
      .waitFor();
    await whenPlayable(page);

    // Clip 1 by keys: seek, I, seek, O.
    const inMs = await seekByClick(page, 10_000);
    await page.keyboard.press('i');
    const outMs = await seekByClick(page, 24_000);
    await page.keyboard.press('o');
    const editor = page.getByRole('form', { name: 'Edit Clip 1' });
    await expect
      .poll(() => editor.getByLabel('In-point (Clip 1)').inputValue())
      .toMatch(/^0:(09|10|11)/);
    await editor
      .getByLabel('Brief summary of the clip')
      .fill('Pairs place 2/3 and 3/4 on the number line.');
    await editor
      .getByLabel('Reason for selection')
      .fill('Students explain which is bigger and why.');
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toMatch(/usually about 5 min/);
    await editor.getByRole('button', { name: 'Save clip 1' }).click();
    await editor.getByText('Clip 1 saved.').waitFor();

    // Clip 2 by dragging the band's handles (made first at the playhead).
    await page.getByRole('tab', { name: /Clip 2/ }).click();
    await seekByClick(page, 35_000);
    await page
      .getByRole('form', { name: 'Edit Clip 2' })
      .getByRole('button', { name: /Set at playhead I/ })
      .click();
    await dragHandle(page, 'Clip 2 in-point', 40_000);
    await dragHandle(page, 'Clip 2 out-point', 52_000);
    const clip2In = Number(
      await page.getByRole('slider', { name: 'Clip 2 in-point' }).getAttribute('aria-valuenow'),
    );
    const clip2Out = Number(
      await page.getByRole('slider', { name: 'Clip 2 out-point' }).getAttribute('aria-valuenow'),
    );
    expect(Math.abs(clip2In - 40)).toBeLessThanOrEqual(1);
    expect(Math.abs(clip2Out - 52)).toBeLessThanOrEqual(1);
    const editor2 = page.getByRole('form', { name: 'Edit Clip 2' });
    await editor2
      .getByLabel('Brief summary of the clip')
      .fill('The teacher asks a student to restate.');
    await editor2.getByLabel('Reason for selection').fill('A moment to elevate questioning.');
    await editor2.getByRole('button', { name: 'Save clip 2' }).click();
    await editor2.getByText('Clip 2 saved.').waitFor();

    const coachApi = await new ApiClient(server.url).signIn(COACH);
    type Timeline = { clips: Array<{ position: number; startMs: number; endMs: number }> };
    const { clips } = await coachApi.json<Timeline>(
      'GET',
      `/api/lessons/${lessonId}/timeline`,
      200,
    );
    const clip1 = clips.find((c) => c.position === 1);
    expect(clip1).toMatchObject({ startMs: inMs, endMs: outMs });
    expect(Math.abs((clips.find((c) => c.position === 2)?.startMs ?? 0) - 40_000)).toBeLessThan(
      1000,
    );

    // A coded public note at the playhead (N), and a private note.
    await seekByClick(page, 15_000);
    await page.keyboard.press('n');
    const form = page.getByRole('form', { name: 'New annotation' });
    await form.getByLabel('Annotation', { exact: true }).fill(PUBLIC_NOTE);
    await form.getByRole('searchbox', { name: 'Find a code by name or id' }).fill('STEXPL');
    await form.getByRole('checkbox', { name: /STEXPL/ }).check();
    await form.getByRole('button', { name: 'Save annotation' }).click();
    await page
      .getByRole('article', { name: /^Annotation at 0:1\d by/ })
      .getByText(PUBLIC_NOTE)
      .waitFor();
    await page.getByRole('button', { name: 'New annotation N' }).click();
    await form.getByLabel('Annotation', { exact: true }).fill(PRIVATE_NOTE);
    await form.getByRole('radio', { name: /Private — only you/ }).check();
    await form.getByRole('button', { name: 'Save annotation' }).click();
    const privateNote = page.getByRole('article', { name: /^Private note at/ });
    await privateNote.getByText('Private — only you').waitFor();
    await shot(page, 'review-coach-1280');
    await shot(page, 'review-coach-1024', 1024);

    // The teacher, on their own computer, sees the public note only.
    const teacher = await personAt(TEACHER, reviewPath, 1024);
    const tpage = teacher.page;
    await tpage.getByText(PUBLIC_NOTE).waitFor();
    expect(await tpage.getByText(PRIVATE_NOTE).count()).toBe(0);
    expect(await tpage.getByRole('button', { name: 'New annotation N' }).count()).toBe(0);
    expect(await tpage.getByRole('slider', { name: /Clip 1 in-point/ }).count()).toBe(0);
    await shot(tpage, 'review-teacher-1024');
    await shot(tpage, 'review-teacher-1280', 1280);

    // ... opens clip 1, plays it, and playback stops at the clip's end.
    await tpage.getByRole('link', { name: 'Watch clip 1' }).click();
    await tpage.waitForURL(`${server.url}/lessons/${lessonId}/clips/1`);
    await tpage.getByText('Clip 1 of 2').waitFor();
    await whenPlayable(tpage);
    await expect.poll(() => videoTime(tpage)).toBeCloseTo(inMs / 1000, 1);
    await tpage.getByRole('button', { name: 'Play', exact: true }).click();
    await tpage.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await tpage.waitForFunction(
      (end) => {
        const v = document.querySelector('video');
        return Boolean(v?.paused && v.currentTime >= end - 0.1);
      },
      outMs / 1000,
      { timeout: 40_000 },
    );
    const stoppedAt = await videoTime(tpage);
    expect(Math.abs(stoppedAt - outMs / 1000)).toBeLessThan(0.1);
    expect(await video(tpage).evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await tpage.getByText(PUBLIC_NOTE).waitFor(); // the clip's public notes are listed
    await shot(tpage, 'clip-view-teacher-1280');
    await shot(tpage, 'clip-view-teacher-768', 768);

    // The coach sees how much of clip 1 the teacher watched.
    type Watched = { clips: Array<{ position: number; percent: number }> };
    await expect
      .poll(
        async () =>
          (await coachApi.json<Watched>('GET', `/api/lessons/${lessonId}/watched`, 200)).clips.find(
            (c) => c.position === 1,
          )?.percent ?? 0,
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(80);
    await page.reload();
    await page.getByRole('tab', { name: /Clip 1/ }).click();
    await page.getByText(/The teacher has watched .* \((8\d|9\d|100)%\)/).waitFor();
    await shot(page, 'review-coach-768', 768);

    expect([...coach.errors, ...teacher.errors]).toEqual([]);
  }, 240_000);

  it('opens a review link followed while signed out, after signing in, with the video playable', async () => {
    const demo = await readyDemoLesson();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // The address asks for the lesson's timeline and media at once: refused (401) while
    // signed out, asked again once signed in.
    const at = `/lessons/${demo.id}/review`;
    const timelineAnswers: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith(`/api/lessons/${demo.id}/timeline`))
        timelineAnswers.push(res.status());
    });
    await page.goto(`${server.url}${at}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await signInThroughPage(page, COACH.email, COACH.password);
    await page.waitForURL(`${server.url}${at}`);
    await whenPlayable(page);
    await page.getByText('12 notes').waitFor();
    expect(timelineAnswers).toEqual([401, 200]);
    // A reload of a clip view, signed in: the page opens on its clip.
    await page.goto(`${server.url}/lessons/${demo.id}/clips/1`);
    await page.getByText(/Playback stays inside the clip/).waitFor();
    await whenPlayable(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows the demo lesson transcript as captions and as a synced, searchable panel', async () => {
    const demo = await readyDemoLesson();
    const coach = await personAt(COACH, `/lessons/${demo.id}/review`);
    const { page } = coach;
    await whenPlayable(page);

    // Captions: a <track> made from the cues as a blob: WebVTT URL, shown by default.
    await page.waitForFunction(
      () => (document.querySelector('video')?.textTracks[0]?.cues?.length ?? 0) > 0,
    );
    const track = await page.evaluate(() => {
      const video = document.querySelector('video') as HTMLVideoElement;
      const text = video.textTracks[0] as TextTrack;
      return {
        src: video.querySelector('track')?.src ?? '',
        mode: text.mode,
        cues: text.cues?.length,
      };
    });
    expect(track.src).toMatch(/^blob:/);
    expect(track).toMatchObject({ mode: 'showing', cues: 10 });

    // The panel: search narrows the lines; a click plays from the line.
    const transcript = page.getByRole('region', { name: 'Transcript' });
    await transcript.getByRole('searchbox', { name: 'Search the transcript' }).fill('number line');
    await transcript.getByText('1 of 10 lines match').waitFor();
    await transcript.getByRole('searchbox', { name: 'Search the transcript' }).fill('');
    await transcript.getByRole('button', { name: /Three fourths, because/ }).click();
    await expect.poll(() => videoTime(page)).toBeCloseTo(31, 1);
    await transcript
      .locator('[aria-current="time"]')
      .getByText(/Three fourths/)
      .waitFor();

    // Twelve notes, three private; the note under the playhead is the current one.
    await page.getByText('12 notes').waitFor();
    const visibility = page.getByRole('combobox', { name: 'Visibility' });
    await visibility.selectOption('private');
    await page.getByText('Showing 3 of 12').waitFor();
    await visibility.selectOption('all');
    await page
      .getByRole('article', { name: /at 0:31 by/ })
      .and(page.locator('[aria-current="time"]'))
      .waitFor();
    await shot(page, 'review-demo-coach-1280');
    await shot(page, 'review-demo-coach-1024', 1024);

    const teacher = await personAt(TEACHER, `/lessons/${demo.id}/review`);
    await teacher.page.getByText('9 notes').waitFor();
    await shot(teacher.page, 'review-demo-teacher-1280');
    expect([...coach.errors, ...teacher.errors]).toEqual([]);
  }, 120_000);
});
