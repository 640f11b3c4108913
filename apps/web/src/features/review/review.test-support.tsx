import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { createApiClient } from '../../api/client';
import { AppProviders, createQueryClient } from '../../app';
import {
  browserFetch,
  CookieJar,
  type Person,
  type SeededApi,
  TEST_ORIGIN,
} from '../../test/real-api';

/**
 * A processed lesson of the seeded teacher, made as the app makes one: created through the
 * API as the teacher, then marked ready with a length (what the media pipeline would do).
 */
export async function seedReadyLesson(seeded: SeededApi, durationMs = 45 * 60_000) {
  const asTeacher = await seeded.signedIn(seeded.teacher);
  const res = await asTeacher(`${TEST_ORIGIN}/api/lessons`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Comparing fractions',
      taughtOn: '2026-10-20',
      grade: '4',
      topic: 'Fractions',
      consent: true,
    }),
  });
  if (res.status !== 201)
    throw new Error(`creating a lesson: HTTP ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await seeded.api.ctx.db
    .updateTable('lesson')
    .set({ state: 'ready', duration_ms: durationMs })
    .where('id', '=', id)
    .execute();
  return id;
}

/** Calls the API as someone, expecting `status`; returns the JSON answer. */
export async function callAs<T>(
  seeded: SeededApi,
  person: Person,
  method: string,
  path: string,
  status: number,
  json?: unknown,
): Promise<T> {
  const fetchAs = await seeded.signedIn(person);
  const res = await fetchAs(`${TEST_ORIGIN}${path}`, {
    method,
    ...(json === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }),
  });
  if (res.status !== status)
    throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * Renders part of the review with the app's providers, signed in as `person`, against the
 * real in-process API: no mocked responses.
 */
export async function renderSignedIn(seeded: SeededApi, person: Person, ui: ReactNode) {
  const jar = new CookieJar();
  const fetchImpl = browserFetch(seeded.api, jar);
  const res = await fetchImpl(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: HTTP ${res.status}`);
  const user = userEvent.setup();
  const view = render(
    <AppProviders
      queryClient={createQueryClient()}
      apiClient={createApiClient(fetchImpl, TEST_ORIGIN)}
    >
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user };
}
