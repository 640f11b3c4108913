import { z } from 'zod';
import { ROLE_LIST } from '../domain/account';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, 'not a known time zone');
export const nameSchema = z.string().trim().min(1, 'enter a name').max(120);
export const passwordSchema = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(200, 'use at most 200 characters');
export const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const inviteBody = z.object({
  email: z.email().max(254),
  name: nameSchema,
  role: z.enum(ROLE_LIST),
});

export const roleBody = z.object({ role: z.enum(ROLE_LIST) });

export const profileBody = z
  .object({ name: nameSchema.optional(), timeZone: timeZoneSchema.optional() })
  .refine((v) => v.name !== undefined || v.timeZone !== undefined, 'nothing to change');

/** Any token shape is looked up (and not found): a bad link is a 404 like an unknown one. */
export const invitationParams = z.object({ token: z.string().min(1).max(200) });

export const acceptBody = z.object({
  name: nameSchema,
  password: passwordSchema,
  timeZone: timeZoneSchema.optional(),
});

export const caseloadParams = z.object({ teacherId: idParams.shape.id });
export const caseloadBody = z.object({ coachId: idParams.shape.id.nullable() });

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditQuery = listQuery.extend({
  userId: idParams.shape.id.optional(),
  lessonId: idParams.shape.id.optional(),
  before: z.iso.datetime().optional(),
});
