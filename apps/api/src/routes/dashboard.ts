import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { teacherParams } from './dashboard.schemas';

/** Dashboards of coaches, teachers and admins, and the research export. Mounted at the API's root: paths are written out in full. */
export function dashboardRoutes(ctx: AppContext) {
  const { dashboards, researchExport } = ctx.services;
  return new Hono<AppEnv>()
    .get('/dashboard/coach', async (c) =>
      c.json({ items: await dashboards.coach(requireViewer(c)) }),
    )
    .get('/dashboard/teacher', async (c) => c.json(await dashboards.teacher(requireViewer(c))))
    .get('/dashboard/program', async (c) => c.json(await dashboards.program(requireViewer(c))))
    .get('/teachers/:teacherId/overview', validate('param', teacherParams), async (c) =>
      c.json(await dashboards.teacherOverview(requireViewer(c), c.req.valid('param').teacherId)),
    )
    .get('/research-export.csv', async (c) => {
      const csv = await researchExport.csv(requireViewer(c));
      const day = new Date().toISOString().slice(0, 10);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="elevate-research-${day}.csv"`,
        'cache-control': 'no-store',
      });
    });
}
