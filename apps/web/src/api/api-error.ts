import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';

/** One invalid input named by a 422 problem: `path` is a JSON path such as `$.email`. */
export type ProblemField = { path: string; reason: string };

/** The fields of an `application/problem+json` body, as the API sends them. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: readonly ProblemField[];
};

/** Codes the client itself gives to failures that never reached the API's error handler. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  unexpected: 'unexpected_response',
} as const;

/**
 * A failed API call, carrying the problem+json fields so the UI can show the server's own
 * title and detail instead of a generic message.
 */
export class ApiError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors: readonly ProblemField[];

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    if (problem.detail !== undefined) this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }

  /** 4xx: asking again will not help, so queries should not retry. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

const isProblemField = (value: unknown): value is ProblemField =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ProblemField).path === 'string' &&
  typeof (value as ProblemField).reason === 'string';

const isProblem = (value: unknown): value is Problem => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.code === 'string'
  );
};

/**
 * Builds an ApiError from a non-2xx response. A proxy or a crashed server may answer with
 * HTML or nothing at all, so anything that is not a problem document still becomes an ApiError
 * with a readable title.
 */
export async function toApiError(response: Response | ClientResponse<unknown>): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) {
    return new ApiError({
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: body.title,
      status: body.status,
      code: body.code,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors.filter(isProblemField) } : {}),
    });
  }
  return new ApiError({
    type: 'about:blank',
    status: response.status,
    ...describeStatus(response.status),
  });
}

// A gateway error almost always means the API is restarting or down, which a user can wait out.
function describeStatus(status: number): { title: string; code: string; detail: string } {
  const code = CLIENT_ERROR_CODES.unexpected;
  if (status >= 502 && status <= 504) {
    return {
      title: "Elevate's server is not responding",
      code,
      detail: 'It may be starting up or restarting. Try again in a moment.',
    };
  }
  if (status >= 500) {
    return {
      title: 'The server had a problem',
      code,
      detail: `Try again; if it keeps happening, tell your administrator (HTTP ${status}).`,
    };
  }
  return { title: 'The request failed', code, detail: `The server answered HTTP ${status}.` };
}

/** The JSON body type of the 2xx responses among an endpoint's possible responses. */
export type OkBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'>
    ? S extends SuccessStatusCode
      ? T
      : never
    : never;

/**
 * Awaits an `hc` call and returns its 2xx JSON body; throws an ApiError otherwise, including
 * when the request never reached the server (offline, API down).
 */
export async function unwrapJson<R extends ClientResponse<unknown, number>>(
  pending: Promise<R> | R,
): Promise<OkBody<R>> {
  const response = await reach(pending);
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as OkBody<R>;
}

/**
 * Like `unwrapJson`, for the few endpoints whose body the API's types do not describe (the
 * auth library's): the caller names the body type it expects.
 */
export async function unwrapUntypedJson<T>(
  pending: Promise<ClientResponse<unknown, number>> | ClientResponse<unknown, number>,
): Promise<T> {
  const response = await reach(pending);
  if (!response.ok) throw await toApiError(response);
  return (await response.json().catch(() => ({}))) as T;
}

/** Awaits an `hc` call whose success has no body (204); throws an ApiError otherwise. */
export async function unwrapEmpty(
  pending: Promise<ClientResponse<unknown, number>> | ClientResponse<unknown, number>,
): Promise<void> {
  const response = await reach(pending);
  if (!response.ok) throw await toApiError(response);
}

async function reach<R>(pending: Promise<R> | R): Promise<R> {
  try {
    return await pending;
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Elevate could not reach its server',
        status: 0,
        code: CLIENT_ERROR_CODES.network,
        detail: 'Check your connection and try again.',
      },
      { cause },
    );
  }
}

/**
 * The problem's field errors keyed by top-level input name (`$.email` -> `email`), first
 * reason wins, so a form can show each next to its input.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const { path, reason } of error.errors) {
    const name = /^\$\.([A-Za-z0-9_]+)/.exec(path)?.[1];
    if (name && !(name in byField)) byField[name] = reason;
  }
  return byField;
}

/** True for an ApiError with one of the given stable codes. */
export function hasCode(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && codes.includes(error.code);
}
