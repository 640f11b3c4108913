import { z } from 'zod';
import { idParams } from './account.schemas';

/** Shared by the cycle's routes and the modules that hang off a cycle. */
export const isoDate = z.iso.date();
/** An instant with its offset; stored as UTC. */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v).toISOString());
export const codeIds = z.array(z.string().min(1).max(32)).max(20);
const id = idParams.shape.id;

export const cycleParams = idParams;

export const listCyclesQuery = z.object({ teacherId: id.optional() });

export const openCycleBody = z.object({
  teacherId: id,
  focusCodeIds: codeIds.optional(),
  goalIds: z.array(id).max(40).optional(),
  videoDueOn: isoDate.nullable().optional(),
  meetingAt: isoInstant.nullable().optional(),
});

export const updateCycleBody = z
  .object({
    focusCodeIds: codeIds,
    goalIds: z.array(id).max(40),
    lessonId: id.nullable(),
    stockClipId: id.nullable(),
    stockCodeIds: codeIds,
    videoDueOn: isoDate.nullable(),
    meetingAt: isoInstant.nullable(),
    held: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
