import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { signInThroughPage } from '../support/sign-in';

// Text that would be script, typed into every free-text field people share (a name, an
// annotation, a reply, the log, a goal), must show as the characters typed, run nowhere,
// and stay inert in every export.
const PASSWORD = 'elevate-demo-2026';
const COACH = 'coach@demo.elevate.test';
const TEACHER = 'teacher@demo.elevate.test';
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

let server: RunningServer;
let browser: Browser;

/** A signed-in API client with the Origin a browser sends. */
async function apiAs(email: string) {
  const origin = server.url;
  const signIn = await fetch(new URL('/api/auth/sign-in/email', origin), {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, path: string, json?: unknown) => {
    const res = await fetch(new URL(path, origin), {
      method,
      headers: {
        origin,
        cookie,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: json === undefined ? null : JSON.stringify(json),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return { text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
}

/** Opens a page, waits for it to settle and says whether any payload ran. */
async function visit(page: Page, path: string) {
  await page.goto(new URL(path, server.url).toString());
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
}

let ids: { lessonId: string; cycleId: string };

beforeAll(async () => {
  server = await startServer({ DEMO: 'on' });
  browser = await launchBrowser();
  const coach = await apiAs(COACH);
  const teacher = await apiAs(TEACHER);
  const lessons = (await teacher('GET', '/api/lessons')).json().items as Array<{ id: string }>;
  const cycles = (await teacher('GET', '/api/cycles')).json().items as Array<{
    id: string;
    lessonId: string | null;
  }>;
  const cycle = cycles.find((c) => c.lessonId) ?? cycles[0];
  const lessonId = cycle?.lessonId ?? lessons[0]?.id;
  if (!cycle || !lessonId) throw new Error('the demo has no cycle with a lesson');
  ids = { lessonId, cycleId: cycle.id };

  await teacher('PATCH', '/api/me', { name: `Theo ${PAYLOAD}` });
  const note = (
    await coach('POST', `/api/lessons/${lessonId}/annotations`, {
      visibility: 'public',
      startMs: 1000,
      endMs: 4000,
      body: `Note ${PAYLOAD}`,
      codeIds: ['STEXPL'],
    })
  ).json();
  await teacher('POST', `/api/annotations/${note.id}/replies`, { body: `Reply ${PAYLOAD}` });
  const me = (await teacher('GET', '/api/me')).json().user as { id: string };
  await teacher('POST', `/api/teachers/${me.id}/goals`, {
    codeId: 'SMQR',
    text: `Goal ${PAYLOAD}`,
  });
  const log = (await teacher('GET', `/api/cycles/${cycle.id}/log`)).json() as {
    version: number;
    fields: Record<string, unknown>;
  };
  await teacher('PUT', `/api/cycles/${cycle.id}/log`, {
    baseVersion: log.version,
    fields: {
      ...log.fields,
      highlights: `Highlight ${PAYLOAD}`,
      teacherNextStep: `Step ${PAYLOAD}`,
    },
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('text that would be script', () => {
  it('shows as text on every page that shows it, and never runs', async () => {
    const runs: string[] = [];
    for (const [email, paths] of [
      [COACH, ['/', `/lessons/${ids.lessonId}/review`, `/cycles/${ids.cycleId}`, '/cycles']],
      [TEACHER, ['/', '/goals', `/cycles/${ids.cycleId}`, `/cycles/${ids.cycleId}/log/print`]],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss());
      await page.goto(new URL('/sign-in', server.url).toString());
      await signInThroughPage(page, email, PASSWORD);
      for (const path of paths) {
        const ran = await visit(page, path);
        if (ran !== undefined) runs.push(`${path} ran the payload (${ran})`);
        // The characters typed are on the page as text.
        if (!(await page.content()).includes('&lt;img src=x onerror='))
          runs.push(`${path} does not show the typed text`);
      }
      await context.close();
    }
    expect(runs).toEqual([]);
  }, 180_000);

  it('stays inert in the exports', async () => {
    const coach = await apiAs(COACH);
    const markdown = (await coach('GET', `/api/cycles/${ids.cycleId}/log/export.md`)).text;
    const vtt = (await coach('GET', `/api/lessons/${ids.lessonId}/annotations/export/vtt`)).text;
    for (const text of [markdown, vtt]) {
      expect(text).not.toContain('<img');
      expect(text).not.toContain('<script');
      expect(text).toContain('&lt;img');
    }
    // CSV and JSON-LD carry the text as data (quoted, escaped by JSON), never as markup.
    const csv = (await coach('GET', `/api/lessons/${ids.lessonId}/annotations/export/csv`)).text;
    expect(csv).toContain('<img src=x onerror=""window.__xss=1"">');
    const jsonLd = (await coach('GET', `/api/lessons/${ids.lessonId}/annotations/export/jsonld`))
      .text;
    expect(JSON.stringify(JSON.parse(jsonLd))).toContain(
      'Note <img src=x onerror=\\"window.__xss=1\\">',
    );
  });
});
