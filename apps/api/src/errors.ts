import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Stable, documented error codes: clients branch on these, never on titles. */
export const ERROR_CODES = {
  validationFailed: 'validation_failed',
  malformedJson: 'malformed_json',
  notFound: 'not_found',
  routeNotFound: 'route_not_found',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  serviceUnavailable: 'service_unavailable',
  internal: 'internal_error',
  // From the auth library, passed through as they are (the web app relies on them):
  invalidEmailOrPassword: 'invalid_email_or_password',
  invalidPassword: 'invalid_password',
  passwordTooShort: 'password_too_short',
  passwordTooLong: 'password_too_long',
  invalidToken: 'invalid_token',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | (string & {});

export interface ProblemField {
  /** JSON path of the offending value, e.g. `$.codes[2].scaleId`. */
  path: string;
  reason: string;
}

/** The one error type of the API; `onError` renders it as application/problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  /** Extra response headers, e.g. Retry-After on a 429. */
  headers: Record<string, string> = {};
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly ProblemField[],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError(
      ERROR_CODES.notFound,
      404,
      `${what} not found`,
      id ? `No ${what.toLowerCase()} with id "${id}" is available to you.` : undefined,
    );
  }

  static validation(errors: readonly ProblemField[], detail = 'The request is not valid.') {
    return new AppError(ERROR_CODES.validationFailed, 422, 'Invalid request', detail, errors);
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: readonly ProblemField[];
}

export function problemResponse(c: Context, error: AppError): Response {
  const body: Problem = {
    type: `urn:elevate:problem:${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    instance: c.req.path,
    ...(c.get('requestId') ? { requestId: c.get('requestId') } : {}),
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
  return c.body(JSON.stringify(body), error.status, {
    ...error.headers,
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}

/** Maps anything thrown to an AppError; unknown errors become a 500 that leaks nothing. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) {
      return new AppError(ERROR_CODES.payloadTooLarge, 413, 'Request body too large');
    }
    if (err.status === 400 && /json/i.test(err.message)) {
      return new AppError(ERROR_CODES.malformedJson, 400, 'Malformed JSON', err.message);
    }
    const status = err.status as ContentfulStatusCode;
    return new AppError(
      status >= 500 ? ERROR_CODES.internal : `http_${status}`,
      status,
      err.message || 'Request failed',
    );
  }
  return new AppError(ERROR_CODES.internal, 500, 'Something went wrong on our side');
}
