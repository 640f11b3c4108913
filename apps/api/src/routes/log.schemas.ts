import { z } from 'zod';
import { LINKABLE_FIELDS } from '../domain/log';
import { idParams } from './account.schemas';
import { codeIds, isoDate, isoInstant } from './cycles.schemas';

const id = idParams.shape.id;
/** A log's free text: long enough for a full conversation's notes. */
const entry = z.string().max(20_000);
const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3_600_000);

const linkBase = {
  id,
  field: z.enum(LINKABLE_FIELDS),
  label: z.string().trim().max(200),
};

export const logLink = z.discriminatedUnion('kind', [
  z.object({
    ...linkBase,
    kind: z.literal('clip'),
    position: z.union([z.literal(1), z.literal(2)]),
  }),
  z.object({ ...linkBase, kind: z.literal('moment'), atMs: ms }),
  // The server copies the annotation's own start in; what the client sends is ignored.
  z.object({ ...linkBase, kind: z.literal('annotation'), annotationId: id, atMs: ms.default(0) }),
]);

export const logFields = z.object({
  conversationDate: isoDate.nullable(),
  lessonDate: isoDate.nullable(),
  focusCodeIds: codeIds,
  highlights: entry,
  summary: entry,
  teacherNextStep: z.string().max(2_000),
  coachNextSteps: entry,
  nextVideoDueOn: isoDate.nullable(),
  nextMeetingAt: isoInstant.nullable(),
  goalIds: z.array(id).max(40),
  links: z.array(logLink).max(100),
});

/** A save names the version it was edited from, so a concurrent save is merged, not lost. */
export const saveLogBody = z.object({
  baseVersion: z.number().int().min(0),
  fields: logFields,
});

export const logParams = idParams;
export const logVersionParams = idParams.extend({
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const teacherParams = z.object({ teacherId: id });

export const goalBody = z.object({
  codeId: z.string().min(1).max(32),
  text: z.string().trim().min(1, 'write the goal').max(1_000),
});
export const goalPatchBody = goalBody
  .partial()
  .refine((v) => v.codeId !== undefined || v.text !== undefined, 'nothing to change');
