import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { signInThroughPage } from '../support/sign-in';

// axe-core in Chromium on every page of the app, as each role, on the demo program:
// no serious or critical violation anywhere.
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const PASSWORD = 'elevate-demo-2026';
const PEOPLE = {
  teacher: 'teacher@demo.elevate.test',
  coach: 'coach@demo.elevate.test',
  admin: 'admin@demo.elevate.test',
} as const;
type Role = keyof typeof PEOPLE;

let server: RunningServer;
let browser: Browser;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** A signed-in API client for finding the ids the pages need. */
async function apiAs(role: Role) {
  const origin = server.url;
  const res = await fetch(new URL('/api/auth/sign-in/email', origin), {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email: PEOPLE[role], password: PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(path: string): Promise<T> => {
    const r = await fetch(new URL(path, origin), { headers: { origin, cookie } });
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return (await r.json()) as T;
  };
}

/** Waits for the demo lesson's processing so the review pages show the player. */
async function demoIds() {
  const asTeacher = await apiAs('teacher');
  const asCoach = await apiAs('coach');
  let lessons: Array<{ id: string; state: string; teacherId: string }> = [];
  for (let i = 0; i < 120; i++) {
    lessons = (await asTeacher<{ items: typeof lessons }>('/api/lessons')).items;
    if (lessons.some((l) => l.state === 'ready')) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const lesson = lessons.find((l) => l.state === 'ready') ?? lessons[0];
  if (!lesson) throw new Error('the demo has no lesson');
  const cycles = (await asCoach<{ items: Array<{ id: string; teacherId: string }> }>('/api/cycles'))
    .items;
  const cycle = cycles.find((c) => c.teacherId === lesson.teacherId) ?? cycles[0];
  const clips = (await asCoach<{ items: Array<{ id: string }> }>('/api/stock-clips')).items;
  return {
    lessonId: lesson.id,
    teacherId: lesson.teacherId,
    cycleId: cycle?.id,
    stockClipId: clips[0]?.id,
  };
}

function pagesFor(role: Role, ids: Awaited<ReturnType<typeof demoIds>>): string[] {
  const lesson = [`/lessons/${ids.lessonId}`, `/lessons/${ids.lessonId}/review`];
  const cycle = ids.cycleId
    ? [`/cycles/${ids.cycleId}`, `/cycles/${ids.cycleId}/conversation`]
    : [];
  const common = ['/', '/rubrics', '/rubrics/mqi-4pt', '/profile', '/library'];
  if (role === 'teacher')
    return [
      ...common,
      '/lessons',
      '/lessons/new',
      ...lesson,
      `/lessons/${ids.lessonId}/clips/1`,
      '/cycles',
      ...cycle,
      '/goals',
    ];
  if (role === 'coach')
    return [
      ...common,
      '/caseload',
      '/lessons',
      ...lesson,
      '/cycles',
      ...cycle,
      `/teachers/${ids.teacherId}`,
    ];
  return [
    ...common,
    '/library/new',
    '/admin/users',
    '/admin/caseloads',
    '/admin/outbox',
    '/admin/audit',
    `/teachers/${ids.teacherId}`,
  ];
}

async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(new URL(path, server.url).toString());
  const heading = await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  // Every page names itself with a heading: a page without one is a finding too.
  if (!heading) return [`${path}: no h1 after 15 s`];
  // Let lazy sections and queries settle before judging the page.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${path}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
    );
}

/** A page that lets axe's injected script run despite the app's strict CSP. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  return context.newPage();
}

beforeAll(async () => {
  server = await startServer({ DEMO: 'on' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility (axe-core in Chromium)', () => {
  it('pages open to anyone have no serious or critical violations', async () => {
    const page = await newPage();
    const found: string[] = [];
    for (const path of [
      '/sign-in',
      '/forgot-password',
      '/reset-password?token=x',
      '/invitation/unknown-token',
    ])
      found.push(...(await audit(page, path)));
    await page.context().close();
    expect(found).toEqual([]);
  });

  it.each(['teacher', 'coach', 'admin'] as const)(
    'every page as the %s has no serious or critical violations',
    async (role) => {
      const ids = await demoIds();
      const page = await newPage();
      await page.goto(new URL('/sign-in', server.url).toString());
      await signInThroughPage(page, PEOPLE[role], PASSWORD);
      const found: string[] = [];
      for (const path of pagesFor(role, ids)) found.push(...(await audit(page, path)));
      await page.context().close();
      expect(found).toEqual([]);
    },
    240_000,
  );
});
