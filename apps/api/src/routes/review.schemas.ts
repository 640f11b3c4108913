import { z } from 'zod';
import { idParams } from './account.schemas';

/** Media times are integer milliseconds; a lesson is at most a few hours. */
const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3_600_000);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v || null);

export const clipParams = idParams.extend({
  position: z.coerce
    .number()
    .int()
    .refine((p) => p === 1 || p === 2, 'a lesson has two clips: 1 and 2')
    .transform((p) => p as 1 | 2),
});

export const clipBody = z.object({
  startMs: ms,
  endMs: ms,
  summary: text(2000),
  reason: text(2000),
});

export const annotationBody = z.object({
  visibility: z.enum(['public', 'private']),
  startMs: ms,
  endMs: ms.nullable().default(null),
  body: text(5000),
  codeIds: z.array(z.string().min(1).max(32)).max(10).default([]),
  teacherDoes: optionalText(2000),
  studentsDo: optionalText(2000),
  rubricRelation: optionalText(2000),
});

export const replyBody = z.object({ body: text(5000) });

export const watchedBody = z.object({
  intervals: z
    .array(z.tuple([ms, ms]).refine(([s, e]) => e > s, 'an interval ends after it starts'))
    .min(1)
    .max(500),
});

export const exportParams = idParams.extend({ format: z.enum(['csv', 'vtt', 'jsonld']) });
