import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError, type ProblemField } from '../errors';

/** `$.a[0].b` from a zod issue path, so every error names where it is in the same way. */
export function toJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
}

/**
 * Schema validation at the boundary. A failure throws a 422 problem listing every issue,
 * so a rejected request never reaches a service and writes nothing.
 */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const errors: ProblemField[] = result.error.issues.map((issue) => ({
        path: toJsonPath(issue.path),
        reason: issue.message,
      }));
      throw AppError.validation(errors, `The request ${target} is not valid.`);
    }
  });
}
