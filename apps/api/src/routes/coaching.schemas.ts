import { z } from 'zod';
import { PREP_FIELD_NAMES, type PrepFieldName } from '../services/prep.service';
import { cycleParams } from './cycles.schemas';

export const coachingParams = cycleParams;

/** One answer of the planning guide; generous, but bounded. */
const answer = z.string().max(20_000, 'at most 20,000 characters');

/** The whole planning guide; a missing answer is saved as empty, an unknown key refused. */
export const prepBody = z.strictObject({
  fields: z
    .strictObject(
      Object.fromEntries(PREP_FIELD_NAMES.map((name) => [name, answer])) as Record<
        PrepFieldName,
        typeof answer
      >,
    )
    .partial(),
});

export const assignmentBody = z.strictObject({
  subject: z.string().trim().min(1, 'write a subject').max(200),
  body: z.string().trim().min(1, 'write the message').max(20_000),
});
