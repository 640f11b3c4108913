import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import {
  createStockClipBody,
  listStockClipsQuery,
  stockClipParams,
  updateStockClipBody,
} from './library.schemas';

/**
 * The program's stock-clip library: every member searches and reads it; its admins add,
 * edit and remove clips, their master scores and their video.
 */
export function stockClipRoutes(ctx: AppContext) {
  const { library } = ctx.services;
  return (
    new Hono<AppEnv>()
      .get('/', validate('query', listStockClipsQuery), async (c) => {
        const { q, grade, code } = c.req.valid('query');
        return c.json({
          items: await library.list(requireViewer(c), { text: q, grade, codeId: code }),
        });
      })
      .post('/', validate('json', createStockClipBody), async (c) =>
        c.json(await library.create(requireViewer(c), c.req.valid('json')), 201),
      )
      .get('/:id', validate('param', stockClipParams), async (c) =>
        c.json(await library.get(requireViewer(c), c.req.valid('param').id)),
      )
      .patch(
        '/:id',
        validate('param', stockClipParams),
        validate('json', updateStockClipBody),
        async (c) =>
          c.json(
            await library.update(requireViewer(c), c.req.valid('param').id, c.req.valid('json')),
          ),
      )
      .delete('/:id', validate('param', stockClipParams), async (c) => {
        await library.delete(requireViewer(c), c.req.valid('param').id);
        return c.body(null, 204);
      })
      // The lesson that carries the clip's video: the web app uploads to it as to any lesson.
      .post('/:id/video', validate('param', stockClipParams), async (c) => {
        const { lesson, isNew } = await library.startVideo(
          requireViewer(c),
          c.req.valid('param').id,
        );
        return c.json({ lessonId: lesson.id, state: lesson.state }, isNew ? 201 : 200);
      })
  );
}
