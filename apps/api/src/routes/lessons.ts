import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { requireViewer } from '../middleware/session';
import { validate } from '../middleware/validate';
import {
  createLessonBody,
  lessonParams,
  listLessonsQuery,
  partParams,
  startUploadBody,
  updateLessonBody,
  uploadParams,
} from './lessons.schemas';
import { completeResult, initiateResult, listPartsResult, parseCompleteBody } from './s3-xml';

export function lessonRoutes(ctx: AppContext) {
  const { lessons, uploads, playback } = ctx.services;
  return new Hono<AppEnv>()
    .get('/', validate('query', listLessonsQuery), async (c) =>
      c.json({ items: await lessons.list(requireViewer(c), c.req.valid('query').teacherId) }),
    )
    .post('/', validate('json', createLessonBody), async (c) => {
      const { consent: _consent, ...input } = c.req.valid('json');
      return c.json(await lessons.create(requireViewer(c), input), 201);
    })
    .get('/:id', validate('param', lessonParams), async (c) =>
      c.json(await lessons.load(requireViewer(c), c.req.valid('param').id)),
    )
    .patch('/:id', validate('param', lessonParams), validate('json', updateLessonBody), async (c) =>
      c.json(await lessons.update(requireViewer(c), c.req.valid('param').id, c.req.valid('json'))),
    )
    .delete('/:id', validate('param', lessonParams), async (c) => {
      await lessons.delete(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .get('/:id/media', validate('param', lessonParams), async (c) =>
      c.json(await playback.urls(requireViewer(c), c.req.valid('param').id, c.get('clientIp'))),
    )
    .get('/:id/upload', validate('param', lessonParams), async (c) =>
      c.json({ upload: await uploads.current(requireViewer(c), c.req.valid('param').id) }),
    )
    .post(
      '/:id/upload',
      validate('param', lessonParams),
      validate('json', startUploadBody),
      async (c) => {
        const result = await uploads.start(
          requireViewer(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(result, result.resumed ? 200 : 201);
      },
    );
}

const xml = (body: string, status: 200 | 201 = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

/**
 * The multipart control calls, as the browser's S3 uploader makes them: create, list
 * parts, complete and abort go through the API; part URLs are signed for the store.
 */
export function uploadRoutes(ctx: AppContext) {
  const { uploads } = ctx.services;
  return new Hono<AppEnv>()
    .post('/:id/s3/create', validate('param', uploadParams), async (c) => {
      const upload = await uploads.load(requireViewer(c), c.req.valid('param').id);
      if (!upload.storeUploadId) throw new AppError('upload_closed', 409, 'This upload has ended');
      return xml(initiateResult(upload.key, upload.storeUploadId));
    })
    .post('/:id/parts/:partNumber/sign', validate('param', partParams), async (c) => {
      const { id, partNumber } = c.req.valid('param');
      return c.json(await uploads.signPart(requireViewer(c), id, partNumber));
    })
    .get('/:id/s3/parts', validate('param', uploadParams), async (c) => {
      const { upload, parts } = await uploads.listParts(requireViewer(c), c.req.valid('param').id);
      return xml(listPartsResult(upload.key, upload.storeUploadId ?? '', parts));
    })
    .post('/:id/s3/complete', validate('param', uploadParams), async (c) => {
      const parts = parseCompleteBody(await c.req.text());
      if (!parts) {
        throw AppError.validation([
          { path: '$', reason: 'expected a CompleteMultipartUpload part list' },
        ]);
      }
      const { upload } = await uploads.complete(requireViewer(c), c.req.valid('param').id, parts);
      return xml(completeResult(`/api/lessons/${upload.lessonId}`, upload.key, `"${upload.id}"`));
    })
    .delete('/:id/s3', validate('param', uploadParams), async (c) => {
      await uploads.abort(requireViewer(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
