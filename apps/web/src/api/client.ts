import type { AppType } from '@elevate/api/app';
import { hc } from 'hono/client';

export { ApiError, type Problem, toApiError, unwrapJson } from './api-error';
export type * from './types';

/**
 * The one typed client for the Elevate API. Request and response types come from the API's
 * own route definitions (`AppType`), so a changed route breaks the web build, not the user.
 *
 * @param fetchImpl replaces `fetch`; tests pass one that calls the API app in-process.
 * @param origin the origin serving `/api`; the web app is served from the same origin.
 */
export function createApiClient(fetchImpl?: typeof fetch, origin = currentOrigin()) {
  // AppType describes the routes below the API's `/api` mount, so the prefix goes in the base.
  return hc<AppType>(`${origin}/api`, fetchImpl ? { fetch: fetchImpl } : {});
}

export type ApiClient = ReturnType<typeof createApiClient>;

// Guarded so that importing this module outside a browser (tests, tooling) does not throw.
function currentOrigin(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

/** The client the running app uses: same origin, the browser's fetch. */
export const api: ApiClient = createApiClient();
