import { z } from 'zod';
import { idParams } from './account.schemas';

const isoDate = z.iso.date();
const codeIds = z.array(z.string().min(1).max(32)).max(20);

export const lessonParams = idParams;

export const createLessonBody = z.object({
  title: z.string().trim().min(1, 'give the lesson a title').max(200),
  taughtOn: isoDate,
  grade: z.string().trim().min(1).max(40),
  topic: z.string().trim().min(1).max(200),
  focusCodeIds: codeIds.default([]),
  /** The teacher confirms the recording follows the school's recording policy. */
  consent: z.literal(true, {
    error: 'confirm that the recording follows your school’s recording policy',
  }),
});

export const updateLessonBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    taughtOn: isoDate,
    grade: z.string().trim().min(1).max(40),
    topic: z.string().trim().min(1).max(200),
    focusCodeIds: codeIds,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const listLessonsQuery = z.object({ teacherId: idParams.shape.id.optional() });

export const startUploadBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  contentType: z.string().max(100).default(''),
});

export const uploadParams = idParams;
export const partParams = idParams.extend({
  partNumber: z.coerce.number().int().min(1).max(10_000),
});
