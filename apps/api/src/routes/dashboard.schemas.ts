import { z } from 'zod';
import { idParams } from './account.schemas';

/** `/teachers/:teacherId/...`: the same opaque id shape as every other id. */
export const teacherParams = z.object({ teacherId: idParams.shape.id });
