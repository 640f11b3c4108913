import { z } from 'zod';
import { idParams } from './account.schemas';
import { codeIds } from './cycles.schemas';

const id = idParams.shape.id;
const text = (max: number) => z.string().trim().min(1).max(max);
const levelId = z.string().min(1).max(32);

export const stockClipParams = idParams;
export const teacherParams = z.object({ teacherId: id });

/** Search and filters of the library: words, a grade, a rubric code. */
export const listStockClipsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  grade: z.string().trim().max(40).optional(),
  code: z.string().trim().max(32).optional(),
});

const masterScore = z.object({
  codeId: z.string().min(1).max(32),
  level: levelId,
  rationale: text(2000),
});

const stockClipFields = {
  pseudonym: text(120),
  title: text(200),
  grade: text(40),
  topic: text(120),
  description: z.string().trim().max(4000),
  codeIds: codeIds.min(1, 'choose at least one code'),
  masterScores: z.array(masterScore).max(20),
};

export const createStockClipBody = z.object({
  ...stockClipFields,
  description: stockClipFields.description.default(''),
  masterScores: stockClipFields.masterScores.default([]),
});

export const updateStockClipBody = z
  .object(stockClipFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** The teacher's scores: a draft (levels, reasons may still be empty) or the submission. */
export const saveStockScoresBody = z.object({
  scores: z
    .array(
      z.object({
        codeId: z.string().min(1).max(32),
        level: levelId,
        reason: z.string().max(1000),
      }),
    )
    .max(20),
  submit: z.boolean(),
});
