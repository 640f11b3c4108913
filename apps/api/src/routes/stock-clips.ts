import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';

/** The program's stock-clip library, readable by every member of the program. */
export function stockClipRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const viewer = requireViewer(c);
    await ctx.services.access.assert(viewer, 'read', {
      kind: 'program-library',
      programId: viewer.programId,
    });
    return c.json({ items: await ctx.repositories.stockClips.listForProgram(viewer.programId) });
  });
}
