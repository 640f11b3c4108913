import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApi, startSeededApi, TEST_ORIGIN } from '../../test/real-api';
import { renderApp } from '../../test/render-app';

// The web app talks to the real API app in-process (real migrated SQLite in a temp dir):
// no mocked responses, so a change on either side of the wire fails here. Rubrics need a
// session, so every render signs in as the seeded teacher first.
let seeded: SeededApi;

beforeAll(async () => {
  seeded = await startSeededApi();
});

afterAll(async () => {
  await seeded?.close();
});

function renderAt(path: string) {
  return renderApp(seeded, path, { signedInAs: seeded.teacher });
}

async function apiAsTeacher(path: string): Promise<Response> {
  return (await seeded.signedIn(seeded.teacher))(`${TEST_ORIGIN}${path}`);
}

async function mqiPath(): Promise<string> {
  const res = await apiAsTeacher('/api/rubrics');
  const { items } = (await res.json()) as { items: { id: string; builtIn: boolean }[] };
  const mqi = items.find((item) => item.builtIn);
  if (!mqi) throw new Error('the API lists no built-in rubric');
  return `/rubrics/${mqi.id}`;
}

describe('rubric browser, against the real API', () => {
  it('lists the built-in MQI rubric and links to it', async () => {
    await renderAt('/rubrics');
    // Within main: the footer also links to the MQI's public page.
    const main = screen.getByRole('main');
    const link = await within(main).findByRole('link', {
      name: /Mathematical Quality of Instruction/,
    });
    expect(link.getAttribute('href')).toBe(await mqiPath());
  });

  it('shows the MQI rubric: name, the four domains, codes and score levels', async () => {
    await renderAt(await mqiPath());

    expect(
      await screen.findByRole('heading', { level: 1, name: /Mathematical Quality of Instruction/ }),
    ).toBeTruthy();
    for (const domain of [
      'Richness of the Mathematics',
      'Working with Students and Mathematics',
      'Errors and Imprecision',
      'Common Core Aligned Student Practices',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: new RegExp(domain) })).toBeTruthy();
    }
    const stexpl = screen.getByRole('heading', { level: 3, name: /STEXPL/ });
    expect(stexpl.textContent).toContain('Students Provide Explanations');
    expect(screen.getByRole('heading', { level: 2, name: /Whole lesson codes/ })).toBeTruthy();

    const errors = screen.getByRole('region', { name: /Errors and Imprecision/ });
    expect(within(errors).getAllByText('Higher = more errors').length).toBeGreaterThan(0);
    const levels = within(errors).getAllByRole('list')[0];
    expect(levels?.textContent).toMatch(/Not Present.*Low.*Mid.*High/);
    expect(screen.getByRole('link', { name: 'CC BY-NC-ND 4.0' })).toBeTruthy();
  });

  it('narrows the codes as the user types in the filter', async () => {
    const { user } = await renderAt(await mqiPath());
    const filter = await screen.findByRole('searchbox', { name: 'Filter codes' });
    expect(screen.getByText('LINK')).toBeTruthy();

    await user.type(filter, 'STEXPL');

    expect(screen.getByText('STEXPL')).toBeTruthy();
    expect(screen.queryByText('LINK')).toBeNull();
    expect(screen.queryByRole('heading', { name: /Richness of the Mathematics/ })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/Showing 1 of \d+ codes/);
  });

  it("shows the API's problem title when the rubric does not exist", async () => {
    const res = await apiAsTeacher('/api/rubrics/no-such-rubric');
    expect(res.status).toBe(404);
    const problem = (await res.json()) as { title: string; code: string };
    expect(problem.code).toBe('not_found');

    await renderAt('/rubrics/no-such-rubric');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: problem.title })).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'See all rubrics' })).toBeTruthy();
  });
});
