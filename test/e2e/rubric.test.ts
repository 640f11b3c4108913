import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { collectPageErrors, signInThroughPage } from '../support/sign-in';

// The demo program (DEMO=on) gives a teacher to sign in as; rubrics need a session.
const TEACHER = { email: 'teacher@demo.elevate.test', password: 'elevate-demo-2026' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ DEMO: 'on' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

describe('rubric browser, served by the API from one port', () => {
  it('renders the MQI domains and codes fetched from the API', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures = collectPageErrors(page);
    await page.goto(`${server.url}/`);
    // Signed out, the app sends the visitor to sign in.
    await page.waitForURL(`${server.url}/sign-in`);
    await signInThroughPage(page, TEACHER.email, TEACHER.password);
    await page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: 'Rubrics' })
      .click();
    // The list also links out to the rubric's public page: pick the in-app link.
    await page.locator('main a[href="/rubrics/mqi-4pt"]').first().click();
    await expect
      .poll(() =>
        page
          .getByRole('heading', { level: 2, name: 'Common Core Aligned Student Practices' })
          .count(),
      )
      .toBe(1);
    for (const domain of ['Richness of the Mathematics', 'Errors and Imprecision']) {
      expect(await page.getByRole('heading', { level: 2, name: domain }).count()).toBe(1);
    }
    const text = await page.locator('main').textContent();
    expect(text).toContain('STEXPL');
    expect(text).toContain('Students Provide Explanations');
    expect(text).toContain('Whole-Lesson Mathematical Quality of Instruction');
    expect(failures).toEqual([]);
    await context.close();
  });

  it('deep links into the rubric page, through sign-in and back (the server falls back to the app)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/rubrics/mqi-4pt`);
    expect(response?.status()).toBe(200);
    await page.waitForURL(/\/sign-in\?next=%2Frubrics%2Fmqi-4pt$/);
    await signInThroughPage(page, TEACHER.email, TEACHER.password);
    await page.waitForURL(`${server.url}/rubrics/mqi-4pt`);
    await expect.poll(() => page.getByText('TCD', { exact: true }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
