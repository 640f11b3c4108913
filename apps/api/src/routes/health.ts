import { Hono } from 'hono';
import type { AppContext } from '../context';

export function healthRoutes(ctx: AppContext) {
  return new Hono().get('/', async (c) => {
    const report = await ctx.services.health.check();
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
}
