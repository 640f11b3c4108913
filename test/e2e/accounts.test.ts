import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { collectPageErrors, signInThroughPage } from '../support/sign-in';

// A fresh install: nothing but the first program and its admin, from the environment.
const ADMIN = {
  email: 'ada@school.test',
  password: 'first admin password',
  name: 'Ada Admin',
};
const PROGRAM = 'Riverside Schools';
const COACH = { email: 'cody@school.test', name: 'Cody Coach', password: 'coach password 123' };
const TEACHER = { email: 'tia@school.test', name: 'Tia Teacher', password: 'teacher password 1' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    ELEVATE_ADMIN_EMAIL: ADMIN.email,
    ELEVATE_ADMIN_PASSWORD: ADMIN.password,
    ELEVATE_ADMIN_NAME: ADMIN.name,
    ELEVATE_PROGRAM_NAME: PROGRAM,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

/** A new browser context (its own cookies): one person at their own computer. */
async function personAt(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Primary' });

async function invite(page: Page, person: { email: string; name: string }, role: string) {
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: 'Invitation sent — the link is in the Outbox' })
    .filter({ hasText: person.email })
    .waitFor();
}

async function invitationLinkFor(page: Page, email: string): Promise<string> {
  const message = page.locator('details').filter({ hasText: `To ${email}` });
  await message.locator('summary').click();
  const href = await message.getByRole('link', { name: /\/invitation\// }).getAttribute('href');
  if (!href) throw new Error(`no invitation link for ${email}`);
  return href;
}

async function acceptInvitation(link: string, person: { name: string; password: string }) {
  const { page, errors } = await personAt(new URL(link).pathname);
  await page.getByRole('heading', { level: 1, name: `Join ${PROGRAM} on Elevate` }).waitFor();
  expect(await page.getByLabel('Your name').inputValue()).toBe(person.name);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Repeat password').fill(person.password);
  await page.getByRole('button', { name: 'Join and sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${person.name}` }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  return { page, errors };
}

describe('accounts, from the first admin to a coached teacher', () => {
  it('invites, joins, assigns, and keeps each role to its own pages', async () => {
    // The admin signs in on a fresh install.
    const admin = await personAt('/');
    await admin.page.waitForURL(`${server.url}/sign-in`);
    await signInThroughPage(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.name}` }).waitFor();

    // ... invites a coach and a teacher on the Users page ...
    await nav(admin.page).getByRole('link', { name: 'Users' }).click();
    await invite(admin.page, COACH, 'coach');
    await invite(admin.page, TEACHER, 'teacher');
    const people = admin.page.getByRole('table');
    for (const person of [COACH, TEACHER]) {
      await people
        .getByRole('row')
        .filter({ hasText: person.email })
        .getByText('Invited')
        .waitFor();
    }

    // ... and reads both invitation links from the Outbox.
    await nav(admin.page).getByRole('link', { name: 'Outbox' }).click();
    const coachLink = await invitationLinkFor(admin.page, COACH.email);
    const teacherLink = await invitationLinkFor(admin.page, TEACHER.email);
    expect(coachLink).toMatch(new RegExp(`^${server.url}/invitation/[A-Za-z0-9_-]+$`));

    // Each invitee, on their own computer, accepts and is signed in.
    const coach = await acceptInvitation(coachLink, COACH);
    const teacher = await acceptInvitation(teacherLink, TEACHER);

    // The admin gives the teacher the coach on the Caseloads page.
    await nav(admin.page).getByRole('link', { name: 'Caseloads' }).click();
    await admin.page
      .getByLabel(`Coach for ${TEACHER.name}`, { exact: true })
      .selectOption({ label: COACH.name });
    await admin.page.getByRole('button', { name: `Save coach for ${TEACHER.name}` }).click();
    await admin.page.getByText(`Saved: ${COACH.name} coaches ${TEACHER.name}.`).waitFor();
    await admin.page
      .getByRole('region', { name: 'Assignment history' })
      .getByRole('row')
      .filter({ hasText: TEACHER.name })
      .getByText('Current')
      .waitFor();

    // The coach sees the teacher under My teachers.
    await nav(coach.page).getByRole('link', { name: 'My teachers' }).click();
    await coach.page.getByRole('heading', { level: 1, name: 'My teachers' }).waitFor();
    await coach.page.getByRole('heading', { level: 2, name: TEACHER.name }).waitFor();

    // The teacher may not open the admin's pages, and is not offered them.
    await teacher.page.goto(`${server.url}/admin/users`);
    await teacher.page.getByRole('heading', { level: 1, name: 'Not available to you' }).waitFor();
    expect(await teacher.page.getByRole('table').count()).toBe(0);
    expect(await nav(teacher.page).getByRole('link').allTextContents()).toEqual([
      'Home',
      'My lessons',
      'Cycles',
      'My goals',
      'Stock clips',
      'Rubrics',
    ]);

    expect([...admin.errors, ...coach.errors, ...teacher.errors]).toEqual([]);
  });
});
