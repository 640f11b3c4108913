import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, ensureLesson } from '../fixtures/fixtures.mjs';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { collectPageErrors, signInThroughPage } from '../support/sign-in';

// The demo program's teacher (DEMO=on seeds it, with the coach and a demo lesson).
const TEACHER = { email: 'teacher@demo.elevate.test', password: 'elevate-demo-2026' };
const MiB = 1024 * 1024;
// Small parts (the API's floor is 5 MiB) so a lesson of tens of MB has several of them.
const PART_SIZE = 5 * MiB;
// Slow enough to watch the bar move and to reload between parts; fast enough for CI.
const UPLOAD_BYTES_PER_SECOND = 3 * MiB;

let server: RunningServer;
let browser: Browser;
let lessonFile: string;
let notAVideo: string;

beforeAll(async () => {
  // A 25-minute 720p lesson: about 26 MiB, six parts.
  [lessonFile, { notAVideo }] = await Promise.all([ensureLesson(25), ensureFixtures()]);
  server = await startServer({ DEMO: 'on', UPLOAD_PART_SIZE_MIN: String(PART_SIZE) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

async function signedInTeacher(at = server): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${at.url}/sign-in`);
  await signInThroughPage(page, TEACHER.email, TEACHER.password);
  return { page, errors };
}

/** Fills the new-lesson form as a teacher would and returns the new lesson's id. */
async function createLesson(page: Page, title: string): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'My lessons' })
    .click();
  await page.getByRole('link', { name: 'New lesson' }).first().click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Grade').fill('4');
  await page.getByLabel('Topic').fill('Fractions');
  await page.getByText('Richness of the Mathematics', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^EXPL\b/ }).check();
  await page.getByRole('checkbox', { name: /recording policy/ }).check();
  await page.getByRole('button', { name: 'Create lesson' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error(`no lesson id in ${page.url()}`);
  return id;
}

const origin = (page: Page) => new URL(page.url()).origin;

/** Slows the page's uploads down to `bytesPerSecond`, as a school network might. */
async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

type ServerUpload = { size: number; partSize: number; partCount: number; bytesStored: number };

/** The API's view of the lesson's unfinished upload (with the session of the page). */
async function serverUpload(page: Page, lessonId: string): Promise<ServerUpload | null> {
  const res = await page.request.get(`${origin(page)}/api/lessons/${lessonId}/upload`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { upload: ServerUpload | null }).upload;
}

async function lessonState(page: Page, lessonId: string): Promise<string> {
  const res = await page.request.get(`${origin(page)}/api/lessons/${lessonId}`);
  return ((await res.json()) as { state: string }).state;
}

const percentOf = async (bar: Locator) => Number(await bar.getAttribute('aria-valuenow'));

/** Part numbers of the part PUTs the page sends to the store, until `stop()`. */
function recordPartPuts(page: Page): { parts: number[]; stop: () => void } {
  const parts: number[] = [];
  const onRequest = (request: Request) => {
    if (request.method() !== 'PUT') return;
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/storage/local/objects/')) {
      parts.push(Number(url.searchParams.get('partNumber')));
    }
  };
  page.on('request', onRequest);
  return { parts, stop: () => page.off('request', onRequest) };
}

describe('uploading a lesson', () => {
  it('uploads in parts, survives a reload, continues from the stored parts and ends ready', async () => {
    const { page, errors } = await signedInTeacher();
    const title = 'Fractions on a number line';
    const lessonId = await createLesson(page, title);
    const size = (await fs.stat(lessonFile)).size;
    const fileName = path.basename(lessonFile);

    // Throttle the browser's uploads so the bar can be watched (and the page reloaded) mid-way.
    await throttleUploads(page, UPLOAD_BYTES_PER_SECOND);
    const firstRun = recordPartPuts(page);
    await page.getByLabel('Choose your recording').setInputFiles(lessonFile);

    const bar = page.getByRole('progressbar', { name: `Upload of ${fileName}` });
    await expect.poll(() => percentOf(bar), { timeout: 30_000 }).toBeGreaterThan(10);
    const panel = page.locator('.upload-progress');
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toMatch(/MB\/s/);
    expect(await panel.textContent()).toMatch(/MB of 26\.\d MB/);
    // At least one whole part is in the store before the tab goes away.
    await expect
      .poll(async () => (await serverUpload(page, lessonId))?.bytesStored ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await lessonState(page, lessonId)).toBe('uploading');

    firstRun.stop();
    await page.reload();
    const notice = page.getByRole('heading', {
      name: new RegExp(`^Your upload of ${fileName.replace('.', '\\.')} stopped at \\d+%$`),
    });
    await notice.waitFor({ timeout: 15_000 });
    const halfDone = await serverUpload(page, lessonId);
    if (!halfDone) throw new Error('the API lost the half-done upload');
    expect(halfDone).toMatchObject({
      size,
      partSize: PART_SIZE,
      partCount: Math.ceil(size / PART_SIZE),
    });
    expect(halfDone.bytesStored).toBeGreaterThan(0);
    expect(halfDone.bytesStored % PART_SIZE).toBe(0);
    const stoppedAt = Number(/(\d+)%$/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(stoppedAt).toBe(Math.floor((halfDone.bytesStored / size) * 100));
    const storedParts = halfDone.bytesStored / PART_SIZE;

    // Picking the same file continues the upload: the bar starts at what is stored, and
    // only the missing parts are sent.
    const secondRun = recordPartPuts(page);
    await page.getByLabel('Choose the same file to continue').setInputFiles(lessonFile);
    await bar.waitFor();
    expect(await percentOf(bar)).toBeGreaterThanOrEqual(stoppedAt);
    expect(await percentOf(bar)).toBeGreaterThan(0);

    await expect
      .poll(() => lessonState(page, lessonId), { timeout: 60_000, interval: 500 })
      .toMatch(/^(processing|ready)$/);
    secondRun.stop();
    expect(secondRun.parts.length).toBeGreaterThan(0);
    expect(secondRun.parts.length).toBeLessThanOrEqual(halfDone.partCount - storedParts);
    expect(Math.min(...secondRun.parts)).toBeGreaterThan(storedParts);
    // Only the part cut off by the reload went twice.
    expect(firstRun.parts.length + secondRun.parts.length).toBeLessThanOrEqual(
      halfDone.partCount + 1,
    );

    // The page follows the lesson through processing to ready on its own, poster and all.
    await page.getByText('Ready', { exact: true }).waitFor({ timeout: 60_000 });
    const video = page.getByLabel(`Video of ${title}`);
    const poster = await video.getAttribute('poster');
    expect(poster).toBeTruthy();
    const posterWidth = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return image.naturalWidth;
    }, poster as string);
    expect(posterWidth).toBeGreaterThan(0);
    expect(await video.getAttribute('src')).toMatch(/\/api\/storage\/local\/objects\//);

    // The lesson list shows the poster as the lesson's thumbnail.
    await page.getByRole('link', { name: 'My lessons' }).first().click();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: title }) });
    const thumbnail = card.locator('img');
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await card.getByText('Ready', { exact: true }).waitFor();

    expect(errors).toEqual([]);
  }, 180_000);

  it('continues in another browser, with no saved state, by picking the same file', async () => {
    const first = await signedInTeacher();
    const lessonId = await createLesson(first.page, 'Area models for multiplication');
    await throttleUploads(first.page, UPLOAD_BYTES_PER_SECOND);
    await first.page.getByLabel('Choose your recording').setInputFiles(lessonFile);
    await expect
      .poll(async () => (await serverUpload(first.page, lessonId))?.bytesStored ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    // Closing the browser loses the page, the file and the browser's saved upload state.
    await first.page.context().close();

    const { page, errors } = await signedInTeacher();
    await page.goto(`${server.url}/lessons/${lessonId}`);
    const notice = page.getByRole('heading', { name: /stopped at \d+%$/ });
    await notice.waitFor();
    const halfDone = await serverUpload(page, lessonId);
    if (!halfDone) throw new Error('the API lost the half-done upload');
    const storedParts = halfDone.bytesStored / PART_SIZE;
    expect(storedParts).toBeGreaterThanOrEqual(1);

    const puts = recordPartPuts(page);
    await page.getByLabel('Choose the same file to continue').setInputFiles(lessonFile);
    const bar = page.getByRole('progressbar', { name: `Upload of ${path.basename(lessonFile)}` });
    await bar.waitFor();
    expect(await percentOf(bar)).toBeGreaterThan(0);
    await expect
      .poll(() => lessonState(page, lessonId), { timeout: 60_000, interval: 500 })
      .toMatch(/^(processing|ready)$/);
    puts.stop();
    expect(Math.min(...puts.parts)).toBe(storedParts + 1);
    expect(puts.parts.length).toBe(halfDone.partCount - storedParts);
    expect([...first.errors, ...errors]).toEqual([]);
  }, 120_000);

  it('says why a file that is not a video was refused, and deletes the lesson', async () => {
    const { page, errors } = await signedInTeacher();
    const title = 'Notes from the lesson';
    const lessonId = await createLesson(page, title);
    await page.getByLabel('Choose your recording').setInputFiles(notAVideo);

    await page.getByText('This recording could not be used').waitFor({ timeout: 60_000 });
    await page.getByText(/This file is not a video/).waitFor();
    await page.getByText('Failed', { exact: true }).waitFor();
    expect(await lessonState(page, lessonId)).toBe('failed');

    await page.getByRole('button', { name: 'Delete lesson' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` });
    await dialog.getByRole('button', { name: 'Delete lesson' }).click();
    await page.getByText(`“${title}” was deleted, with its recording.`).waitFor();
    const gone = await page.request.get(`${server.url}/api/lessons/${lessonId}`);
    expect(gone.status()).toBe(404);

    expect(errors).toEqual([]);
  }, 120_000);
});

describe('an API restart in the middle of an upload', () => {
  it('retries with backoff while the API is down, then continues from the stored parts', async () => {
    // Its own server, on a fixed port and data directory, so it can be killed and restarted.
    const port = await freePort();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-e2e-restart-'));
    const env = {
      DEMO: 'on',
      UPLOAD_PART_SIZE_MIN: String(PART_SIZE),
      PORT: String(port),
      DATA_DIR: dataDir,
    };
    let api = await startServer(env);
    try {
      const { page, errors } = await signedInTeacher(api);
      const lessonId = await createLesson(page, 'Ratio tables');
      await throttleUploads(page, UPLOAD_BYTES_PER_SECOND);
      await page.getByLabel('Choose your recording').setInputFiles(lessonFile);
      const bar = page.getByRole('progressbar', { name: `Upload of ${path.basename(lessonFile)}` });
      await expect
        .poll(async () => (await serverUpload(page, lessonId))?.bytesStored ?? 0, {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);

      // The API dies mid-part, as a crash would.
      api.process.kill('SIGKILL');
      await new Promise((resolve) => api.process.once('exit', resolve));
      await page
        .getByRole('status')
        .filter({ hasText: 'The connection dropped. Trying again shortly.' })
        .waitFor({ timeout: 20_000 });
      const atOutage = await percentOf(bar);
      expect(atOutage).toBeGreaterThan(0);

      api = await startServer(env);
      const restarted = recordPartPuts(page);
      await expect
        .poll(() => lessonState(page, lessonId).catch(() => 'unreachable'), {
          timeout: 90_000,
          interval: 500,
        })
        .toMatch(/^(processing|ready)$/);
      restarted.stop();
      const partCount = Math.ceil((await fs.stat(lessonFile)).size / PART_SIZE);
      expect(restarted.parts.length).toBeGreaterThan(0);
      expect(restarted.parts.length).toBeLessThan(partCount);
      expect(Math.min(...restarted.parts)).toBeGreaterThan(1);
      expect(errors).toEqual([]);
      expect(await api.stop()).toBe(0);
    } finally {
      if (api.process.exitCode === null && api.process.signalCode === null) await api.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
