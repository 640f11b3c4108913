import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

describe('rubric browser, served by the API from one port', () => {
  it('renders the MQI domains and codes fetched from the API', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (err) => failures.push(err.message));
    await page.goto(`${server.url}/`);
    await page
      .getByRole('link', { name: /rubric/i })
      .first()
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
    await page.close();
  });

  it('deep links into the rubric page after a reload (the server falls back to the app)', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/rubrics/mqi-4pt`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByText('TCD', { exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
