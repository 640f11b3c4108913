import { MQI_RUBRIC } from '@elevate/rubric';
import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import { annotationsCsv, annotationsJsonLd, annotationsVtt } from '../review/exports';
import { idParams } from './account.schemas';
import {
  annotationBody,
  clipBody,
  clipParams,
  exportParams,
  replyBody,
  watchedBody,
} from './review.schemas';

const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

/** Review data under a lesson: timeline, clips, annotations, transcript, watching, exports. */
export function lessonReviewRoutes(ctx: AppContext) {
  const { review, transcripts } = ctx.services;
  return new Hono<AppEnv>()
    .get('/:id/timeline', validate('param', idParams), async (c) =>
      c.json(await review.timeline(requireViewer(c), c.req.valid('param').id)),
    )
    .put(
      '/:id/clips/:position',
      validate('param', clipParams),
      validate('json', clipBody),
      async (c) => {
        const { id, position } = c.req.valid('param');
        return c.json(await review.putClip(requireViewer(c), id, position, c.req.valid('json')));
      },
    )
    .delete('/:id/clips/:position', validate('param', clipParams), async (c) => {
      const { id, position } = c.req.valid('param');
      await review.deleteClip(requireViewer(c), id, position);
      return c.body(null, 204);
    })
    .post(
      '/:id/annotations',
      validate('param', idParams),
      validate('json', annotationBody),
      async (c) =>
        c.json(
          await review.createAnnotation(
            requireViewer(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          201,
        ),
    )
    .get('/:id/transcript', validate('param', idParams), async (c) =>
      c.json({ transcript: await transcripts.get(requireViewer(c), c.req.valid('param').id) }),
    )
    .put('/:id/transcript', validate('param', idParams), async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^(text\/(vtt|plain)|application\/x-subrip)/i.test(type)) {
        throw new AppError(
          'unsupported_media_type',
          415,
          'Unsupported content type',
          'Send a WebVTT (text/vtt) or SRT (application/x-subrip) file.',
        );
      }
      const text = await c.req.text();
      if (text.length > MAX_TRANSCRIPT_BYTES)
        throw new AppError('payload_too_large', 413, 'Transcript too large');
      return c.json(await transcripts.put(requireViewer(c), c.req.valid('param').id, text));
    })
    .delete('/:id/transcript', validate('param', idParams), async (c) => {
      await transcripts.delete(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .post('/:id/watched', validate('param', idParams), validate('json', watchedBody), async (c) =>
      c.json(
        await transcripts.recordWatched(
          requireViewer(c),
          c.req.valid('param').id,
          c.req.valid('json').intervals,
        ),
      ),
    )
    .get('/:id/watched', validate('param', idParams), async (c) =>
      c.json(await transcripts.summary(requireViewer(c), c.req.valid('param').id)),
    )
    .get('/:id/annotations/export/:format', validate('param', exportParams), async (c) => {
      const { id, format } = c.req.valid('param');
      const { lesson, annotations } = await review.timeline(requireViewer(c), id);
      const name = `elevate-annotations-${lesson.taughtOn}`;
      const download = (body: string, type: string, ext: string) =>
        c.body(body, 200, {
          'Content-Type': type,
          'Content-Disposition': `attachment; filename="${name}.${ext}"`,
        });
      if (format === 'csv')
        return download(annotationsCsv(annotations), 'text/csv; charset=utf-8', 'csv');
      if (format === 'vtt')
        return download(annotationsVtt(annotations, MQI_RUBRIC), 'text/vtt; charset=utf-8', 'vtt');
      const base = ctx.config.publicUrl ?? new URL(c.req.url).origin;
      return download(
        JSON.stringify(annotationsJsonLd(lesson, annotations, base), null, 2),
        'application/ld+json',
        'jsonld',
      );
    });
}

export function annotationRoutes(ctx: AppContext) {
  const { review } = ctx.services;
  return new Hono<AppEnv>()
    .patch('/:id', validate('param', idParams), validate('json', annotationBody), async (c) =>
      c.json(
        await review.updateAnnotation(
          requireViewer(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
      ),
    )
    .delete('/:id', validate('param', idParams), async (c) => {
      await review.deleteAnnotation(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .post('/:id/replies', validate('param', idParams), validate('json', replyBody), async (c) =>
      c.json(
        await review.reply(requireViewer(c), c.req.valid('param').id, c.req.valid('json').body),
        201,
      ),
    );
}

export function replyRoutes(ctx: AppContext) {
  const { review } = ctx.services;
  return new Hono<AppEnv>()
    .patch('/:id', validate('param', idParams), validate('json', replyBody), async (c) =>
      c.json(
        await review.updateReply(
          requireViewer(c),
          c.req.valid('param').id,
          c.req.valid('json').body,
        ),
      ),
    )
    .delete('/:id', validate('param', idParams), async (c) => {
      await review.deleteReply(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
