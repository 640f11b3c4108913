import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createApiClient } from '../../api/client';
import { AppProviders, createQueryClient } from '../../app';
import { createLesson, setLessonState } from '../../test/lessons';
import {
  browserFetch,
  CookieJar,
  type Person,
  type SeededApi,
  TEST_ORIGIN,
} from '../../test/real-api';
import type { Cycle } from '../cycles/cycle.queries';
import { RequireSignIn } from '../session/guards';

async function call(fetchImpl: typeof fetch, method: string, path: string, json?: unknown) {
  const res = await fetchImpl(`${TEST_ORIGIN}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/**
 * A cycle ready for its assignment, made through the real API: the teacher's lesson (moved
 * to "ready" as the worker would), both clips, a stock clip with two codes, a meeting.
 */
export async function seedAssignableCycle(seeded: SeededApi) {
  const asCoach = await seeded.signedIn(seeded.coach);
  const cycle = (await call(asCoach, 'POST', '/api/cycles', {
    teacherId: seeded.teacher.id,
    focusCodeIds: ['STEXPL'],
  })) as Cycle;
  const lesson = await createLesson(seeded, seeded.teacher, { title: 'Comparing fractions' });
  await setLessonState(seeded, lesson.id, { state: 'ready', durationMs: 45 * 60_000 });
  for (const [position, startMs, endMs] of [
    [1, 120_000, 420_000],
    [2, 900_000, 1_230_000],
  ] as const) {
    await call(asCoach, 'PUT', `/api/lessons/${lesson.id}/clips/${position}`, {
      startMs,
      endMs,
      summary: `Summary ${position}`,
      reason: `Reason ${position}`,
    });
  }
  const stockClipId = await seeded.api.ctx.repositories.stockClips.create(seeded.program.id, {
    pseudonym: 'Ms. Rivera',
    title: 'Sharing strategies',
    grade: '4',
    topic: 'Division',
    codeIds: ['STEXPL', 'SMQR'],
    isPlaceholder: false,
  });
  await call(asCoach, 'PATCH', `/api/cycles/${cycle.id}`, {
    lessonId: lesson.id,
    stockClipId,
    stockCodeIds: ['STEXPL', 'SMQR'],
    meetingAt: '2026-12-02T01:00:00Z',
  });
  return { cycleId: cycle.id, lessonId: lesson.id, asCoach };
}

/** The cycle as `person` reads it from the API. */
export async function fetchCycle(seeded: SeededApi, person: Person, cycleId: string) {
  return (await call(await seeded.signedIn(person), 'GET', `/api/cycles/${cycleId}`)) as Cycle;
}

/** Renders `ui` signed in as `person`, against the real API, inside the router. */
export async function renderSignedIn(seeded: SeededApi, person: Person, ui: ReactNode) {
  const jar = new CookieJar();
  const fetchImpl = browserFetch(seeded.api, jar);
  await call(fetchImpl, 'POST', '/api/auth/sign-in/email', {
    email: person.email,
    password: person.password,
  });
  const user = userEvent.setup();
  const view = render(
    <AppProviders
      queryClient={createQueryClient()}
      apiClient={createApiClient(fetchImpl, TEST_ORIGIN)}
    >
      <MemoryRouter initialEntries={['/section']}>
        <Routes>
          <Route element={<RequireSignIn />}>
            <Route path="section" element={ui} />
          </Route>
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user, fetchImpl };
}

export { call as callApi };
