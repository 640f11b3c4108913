import type { Page } from 'playwright-core';

/**
 * Signs in through the sign-in page as a person would, and waits for the page the app goes
 * to next (the signed-in home, unless the sign-in page was opened with `?next=`).
 */
export async function signInThroughPage(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: /, account menu$/ }).waitFor();
}

/** Collects uncaught page errors, so a journey can assert that none happened. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
