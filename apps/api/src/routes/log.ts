import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { logMarkdown, nextMeetingIcs } from '../services/log-export';
import {
  goalBody,
  goalPatchBody,
  logParams,
  logVersionParams,
  saveLogBody,
  teacherParams,
} from './log.schemas';

/** The stable code of a save that met another's change to the same field. */
export const LOG_CONFLICT = 'log_conflict';

/** The collaborative log (versions, merge, exports, calendar) and the teacher's goals. Mounted at the API's root: paths are written out in full. */
export function logRoutes(ctx: AppContext) {
  const { collabLog, goals } = ctx.services;
  const baseUrl = (url: string) => ctx.config.publicUrl ?? new URL(url).origin;
  return new Hono<AppEnv>()
    .get('/cycles/:id/log', validate('param', logParams), async (c) =>
      c.json(await collabLog.get(requireViewer(c), c.req.valid('param').id)),
    )
    .put(
      '/cycles/:id/log',
      validate('param', logParams),
      validate('json', saveLogBody),
      async (c) => {
        const result = await collabLog.save(
          requireViewer(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        if (result.kind === 'saved')
          return c.json({ log: result.log, mergedFields: result.mergedFields }, 200);
        // A problem document with the current log and each conflicting field (base, mine,
        // theirs) as extension members: the client shows them side by side to merge.
        return c.json(
          {
            type: `urn:elevate:problem:${LOG_CONFLICT}`,
            title: 'Someone else changed the log',
            status: 409,
            code: LOG_CONFLICT,
            detail: `Version ${result.current.version} was saved since you started. Choose what to keep for each field both of you changed.`,
            instance: c.req.path,
            current: result.current,
            conflicts: result.conflicts,
            merged: result.merged,
          },
          409,
          { 'Content-Type': 'application/problem+json' },
        );
      },
    )
    .get('/cycles/:id/log/versions', validate('param', logParams), async (c) =>
      c.json({ items: await collabLog.versions(requireViewer(c), c.req.valid('param').id) }),
    )
    .get('/cycles/:id/log/versions/:version', validate('param', logVersionParams), async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(await collabLog.version(requireViewer(c), id, version));
    })
    .post('/cycles/:id/log/complete', validate('param', logParams), async (c) =>
      c.json(await collabLog.complete(requireViewer(c), c.req.valid('param').id)),
    )
    .post('/cycles/:id/log/reopen', validate('param', logParams), async (c) =>
      c.json(await collabLog.reopen(requireViewer(c), c.req.valid('param').id)),
    )
    .get('/cycles/:id/log/export.md', validate('param', logParams), async (c) => {
      const viewer = requireViewer(c);
      const data = await collabLog.forExport(viewer, c.req.valid('param').id);
      const md = logMarkdown({ ...data, baseUrl: baseUrl(c.req.url), timeZone: viewer.timeZone });
      return c.body(md, 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': `attachment; filename="elevate-log-${data.log.number}.md"`,
        'X-Content-Type-Options': 'nosniff',
      });
    })
    .get('/cycles/:id/log/next-meeting.ics', validate('param', logParams), async (c) => {
      const viewer = requireViewer(c);
      const data = await collabLog.forExport(viewer, c.req.valid('param').id);
      if (!data.log.fields.nextMeetingAt)
        throw new AppError(
          'meeting_not_set',
          409,
          'No next meeting yet',
          'Enter the date and time of the next meeting in the log first.',
        );
      const base = baseUrl(c.req.url);
      const ics = nextMeetingIcs(
        { ...data, baseUrl: base, timeZone: viewer.timeZone },
        new URL(base).hostname,
      );
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="elevate-meeting-${data.log.number + 1}.ics"`,
      });
    })
    .get('/teachers/:teacherId/goals', validate('param', teacherParams), async (c) =>
      c.json({ items: await goals.list(requireViewer(c), c.req.valid('param').teacherId) }),
    )
    .post(
      '/teachers/:teacherId/goals',
      validate('param', teacherParams),
      validate('json', goalBody),
      async (c) =>
        c.json(
          await goals.create(requireViewer(c), c.req.valid('param').teacherId, c.req.valid('json')),
          201,
        ),
    )
    .patch('/goals/:id', validate('param', logParams), validate('json', goalPatchBody), async (c) =>
      c.json(await goals.replace(requireViewer(c), c.req.valid('param').id, c.req.valid('json'))),
    )
    .delete('/goals/:id', validate('param', logParams), async (c) => {
      await goals.archive(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .get('/teachers/:teacherId/year', validate('param', teacherParams), async (c) =>
      c.json(await goals.year(requireViewer(c), c.req.valid('param').teacherId)),
    );
}
