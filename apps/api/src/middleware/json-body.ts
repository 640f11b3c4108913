import type { Context } from 'hono';
import { AppError, ERROR_CODES } from '../errors';

/**
 * Reads a JSON body for routes whose whole body is checked by a domain parser (such as a
 * rubric file) rather than a request schema; wrong content types and bad JSON are 4xx.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    throw new AppError(
      ERROR_CODES.unsupportedMediaType,
      415,
      'Unsupported content type',
      'Send the body as application/json.',
    );
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError(
      ERROR_CODES.malformedJson,
      400,
      'Malformed JSON',
      'The body is not valid JSON.',
    );
  }
}
