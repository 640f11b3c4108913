import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES, fieldErrorsOf, toApiError, unwrapJson } from './api-error';

const problemResponse = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('toApiError', () => {
  it('keeps the fields of a problem+json body', async () => {
    const error = await toApiError(
      problemResponse(
        { type: 'urn:x', title: 'Rubric not found', status: 404, code: 'not_found', detail: 'd' },
        404,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      type: 'urn:x',
      title: 'Rubric not found',
      status: 404,
      code: 'not_found',
      detail: 'd',
    });
    expect(error.isClientError).toBe(true);
  });

  it('still gives a readable error when a proxy answers with HTML', async () => {
    const error = await toApiError(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.code).toBe(CLIENT_ERROR_CODES.unexpected);
    expect(error.title).toBe("Elevate's server is not responding");
    expect(error.isClientError).toBe(false);
  });

  it('names the status of any other unexpected answer', async () => {
    const error = await toApiError(new Response('oops', { status: 500 }));
    expect(error.title).toBe('The server had a problem');
    expect(error.detail).toContain('HTTP 500');
  });
});

describe('unwrapJson', () => {
  it('turns a request that never reached the server into an ApiError', async () => {
    const error = await unwrapJson(Promise.reject(new TypeError('fetch failed'))).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(CLIENT_ERROR_CODES.network);
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('fieldErrorsOf', () => {
  it('keys the reasons of a validation problem by input name, first reason first', async () => {
    const error = await toApiError(
      problemResponse(
        {
          type: 'urn:elevate:problem:validation_failed',
          title: 'Invalid request',
          status: 422,
          code: 'validation_failed',
          errors: [
            { path: '$.email', reason: 'Invalid email address' },
            { path: '$.password', reason: 'use at least 10 characters' },
            { path: '$.password', reason: 'a second reason' },
            { path: '$', reason: 'nothing to change' },
            { nonsense: true },
          ],
        },
        422,
      ),
    );
    expect(fieldErrorsOf(error)).toEqual({
      email: 'Invalid email address',
      password: 'use at least 10 characters',
    });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
