import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, type Fixtures } from '../../../../test/fixtures/fixtures.mjs';
import { expectProblem } from './request';
import { breakingStream, sha256, Uploader } from './uploader';
import { createWorld, type World } from './world';

const MiB = 1024 * 1024;

/** Settings every run uses: small parts so tests move megabytes, not gigabytes. */
const BASE_ENV = {
  UPLOAD_PART_SIZE_MIN: String(5 * MiB),
  MAX_UPLOAD_BYTES: String(40 * MiB),
  TEACHER_QUOTA_BYTES: String(60 * MiB),
};

async function readObject(world: World, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await world.api.ctx.storage.getStream(key))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function newLesson(world: World, title = 'Area models'): Promise<string> {
  const { body } = await world
    .as('teacherOwner')
    .call<{ id: string }>('POST', '/api/lessons', 201, {
      json: { title, taughtOn: '2026-11-10', grade: '5', topic: 'Area', consent: true },
    });
  return body.id;
}

async function lessonState(world: World, id: string) {
  const { body } = await world
    .as('teacherOwner')
    .call<{ state: string; stateReason: string | null }>('GET', `/api/lessons/${id}`, 200);
  return body;
}

/**
 * The upload journey on one store, from the browser's side of the API: the same suite
 * runs on local disk and on an S3-compatible store.
 */
export function describeUploadFlow(name: string, storeEnv: () => Record<string, string>) {
  describe(`uploads on ${name}`, { timeout: 120_000 }, () => {
    let world: World;
    let fixtures: Fixtures;
    const data = randomBytes(12 * MiB + 12345);
    beforeAll(async () => {
      fixtures = await ensureFixtures();
    }, 120_000);
    afterEach(async () => {
      await world?.api.close();
    });
    const open = async (env: Record<string, string> = {}) => {
      world = await createWorld({ ...BASE_ENV, ...storeEnv(), ...env });
      return world;
    };

    it('a part cut off mid-way is not kept; the upload resumes and ends byte-identical', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), data);
      const upload = await up.start(lessonId, 'lesson.mp4');
      expect(upload.partCount).toBe(3);
      expect((await up.put(upload, 1)).ok).toBe(true);
      await up.put(upload, 2, breakingStream(up.part(upload, 2), 2 * MiB)).catch(() => undefined);
      expect(await up.listParts(upload)).toEqual([1]);
      await up.finish(upload);
      const key = upload.key;
      expect(sha256(await readObject(world, key))).toBe(sha256(data));
      expect((await lessonState(world, lessonId)).state).toBe('processing');
    });

    it('survives an API restart mid-upload: the new process lists the stored parts and completes', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), data);
      const upload = await up.start(lessonId, 'lesson.mp4');
      await up.put(upload, 1);
      await up.put(upload, 2);
      const dir = world.api.dataDir;
      await world.api.ctx.close();
      const restarted = await createWorld({ ...BASE_ENV, ...storeEnv(), REUSE_DATA_DIR: dir });
      world = restarted;
      up.useAgent(world.as('teacherOwner'));
      // the browser re-picks the same file: the API hands back the same upload
      const again = await world
        .as('teacherOwner')
        .call<{ upload: { id: string }; resumed: boolean }>(
          'POST',
          `/api/lessons/${lessonId}/upload`,
          200,
          { json: { fileName: 'lesson.mp4', size: data.length, contentType: 'video/mp4' } },
        );
      expect(again.body).toMatchObject({ resumed: true, upload: { id: upload.id } });
      expect(await up.listParts(upload)).toEqual([1, 2]);
      await up.finish(upload);
      expect(sha256(await readObject(world, upload.key))).toBe(sha256(data));
    });

    it('a re-sent completion answers the same and creates no second lesson or job', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), data);
      const upload = await up.start(lessonId, 'lesson.mp4');
      await up.finish(upload);
      const second = await up.complete(upload);
      expect(String(second.body)).toContain('<CompleteMultipartUploadResult');
      const { body } = await world
        .as('teacherOwner')
        .call<{ items: unknown[] }>('GET', '/api/lessons', 200);
      expect(body.items).toHaveLength(3); // the world's two lessons and this one
      expect(await world.api.ctx.repositories.jobs.countByState()).toEqual({ queued: 1 });
    });

    it('refuses a completion whose part list is wrong, and changes nothing', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), data);
      const upload = await up.start(lessonId, 'lesson.mp4');
      await up.put(upload, 1);
      await up.put(upload, 2);
      const missing = await up.complete(upload, 400);
      expectProblem(missing.res, missing.body, 'parts_mismatch');
      await up.put(upload, 3);
      const wrongTag = up.completeXml(
        [...up.etags.entries()].map(([n, e]) => [n, n === 2 ? '"0000"' : e]),
      );
      await up.complete(upload, 400, wrongTag);
      expect((await lessonState(world, lessonId)).state).toBe('uploading');
      await up.complete(upload, 200);
    });

    it("refuses another user's upload id", async () => {
      await open();
      const other = world.as('otherTeacher');
      await other.call('POST', `/api/uploads/${world.uploadId}/parts/1/sign`, 404);
      await other.call('GET', `/api/uploads/${world.uploadId}/s3/parts`, 404);
      await other.call('DELETE', `/api/uploads/${world.uploadId}/s3`, 404);
      await world.as('coach').call('POST', `/api/uploads/${world.uploadId}/s3/create`, 404);
    });

    it('enforces the size limit and the per-teacher quota with clear messages', async () => {
      await open();
      const lessonId = await newLesson(world);
      const teacher = world.as('teacherOwner');
      const big = await teacher.call('POST', `/api/lessons/${lessonId}/upload`, 413, {
        json: { fileName: 'huge.mp4', size: 41 * MiB, contentType: 'video/mp4' },
      });
      expectProblem(big.res, big.body, 'file_too_large');
      expect((big.body as { detail: string }).detail).toMatch(
        /largest recording you can upload is 40 MB/,
      );
      const text = await teacher.call('POST', `/api/lessons/${lessonId}/upload`, 415, {
        json: { fileName: 'notes.txt', size: 100, contentType: 'text/plain' },
      });
      expectProblem(text.res, text.body, 'unsupported_type');
      const up = new Uploader(teacher, randomBytes(36 * MiB));
      await up.finish(await up.start(lessonId, 'first.mp4'));
      const second = await newLesson(world, 'Second');
      const over = await teacher.call('POST', `/api/lessons/${second}/upload`, 413, {
        json: { fileName: 'second.mp4', size: 30 * MiB, contentType: 'video/mp4' },
      });
      expectProblem(over.res, over.body, 'quota_exceeded');
    });

    it('cancelling aborts the upload in the store and the lesson waits for a file again', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), data);
      const upload = await up.start(lessonId, 'lesson.mp4');
      await up.put(upload, 1);
      await world.as('teacherOwner').call('DELETE', `/api/uploads/${upload.id}/s3`, 204);
      const open_ = await world.api.ctx.storage.listMultipartUploads({
        prefix: `lessons/${lessonId}/`,
      });
      expect(open_).toEqual([]);
      expect((await lessonState(world, lessonId)).state).toBe('awaiting_upload');
    });

    it('the cleanup job aborts uploads abandoned for longer than the idle limit', async () => {
      await open();
      await world.api.ctx.db
        .updateTable('upload')
        .set({ updated_at: '2020-01-01T00:00:00.000Z' })
        .execute();
      expect(await world.api.ctx.services.uploads.abortAbandoned(3600_000)).toBe(1);
      expect((await lessonState(world, world.lessonId)).state).toBe('awaiting_upload');
    });

    it('a renamed text file is rejected after upload, with a reason, and its object deleted', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), await fs.readFile(fixtures.notAVideo));
      const upload = await up.start(lessonId, 'lesson.mp4');
      await up.finish(upload);
      await world.api.ctx.services.runner.drain();
      const lesson = await lessonState(world, lessonId);
      expect(lesson.state).toBe('failed');
      expect(lesson.stateReason).toMatch(/not a video/);
      expect(await world.api.ctx.storage.head(upload.key)).toBeUndefined();
    });

    it('refuses hostile uploads clearly and leaves nothing behind', async () => {
      await open();
      const teacher = world.as('teacherOwner');
      const uploadsOf = async (lessonId: string) =>
        (
          await world.api.ctx.db
            .selectFrom('upload')
            .select('id')
            .where('lesson_id', '=', lessonId)
            .execute()
        ).length;

      // A zero-byte file is refused before anything is stored.
      const empty = await newLesson(world, 'Empty');
      const zero = await teacher.call('POST', `/api/lessons/${empty}/upload`, 422, {
        json: { fileName: 'lesson.mp4', size: 0, contentType: 'video/mp4' },
      });
      expectProblem(zero.res, zero.body, 'validation_failed');
      expect(await uploadsOf(empty)).toBe(0);

      // Parts sent out of order and one sent twice are fine (the last copy counts), but a
      // completion that lists them out of order or twice is refused and changes nothing.
      const lessonId = await newLesson(world);
      const up = new Uploader(teacher, data);
      const upload = await up.start(lessonId, 'lesson.mp4');
      for (const n of [3, 1, 2, 1]) await up.put(upload, n);
      const tags = [...up.etags.entries()].sort(([a], [b]) => a - b);
      const [p1, p2, p3] = tags as [[number, string], [number, string], [number, string]];
      for (const parts of [
        [p2, p1, p3],
        [p1, p1, p2, p3],
      ]) {
        // Written by hand: the helper's completeXml() would put them in order.
        const xml = `<CompleteMultipartUpload>${parts
          .map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`)
          .join('')}</CompleteMultipartUpload>`;
        const refused = await up.complete(upload, 400, xml);
        expect(refused.res.headers.get('content-type')).toMatch(/problem\+json|xml/);
        expect((await lessonState(world, lessonId)).state).toBe('uploading');
      }
      await up.complete(upload, 200, up.completeXml(tags));
      expect(sha256(await readObject(world, upload.key))).toBe(sha256(data));

      // A truncated recording and one whose extension lies are failed with a reason, and
      // their objects deleted.
      for (const [file, name, reason] of [
        [fixtures.truncated, 'lesson.mp4', /cannot be read|damaged|unreadable|not a video/i],
        [fixtures.notAVideo, 'lesson.mov', /not a video/i],
      ] as const) {
        const id = await newLesson(world, name);
        const bad = new Uploader(teacher, await fs.readFile(file));
        const started = await bad.start(id, name);
        await bad.finish(started);
        await world.api.ctx.services.runner.drain();
        const lesson = await lessonState(world, id);
        expect(lesson.state).toBe('failed');
        expect(lesson.stateReason).toMatch(reason);
        expect(await world.api.ctx.storage.head(started.key)).toBeUndefined();
      }
    });

    it('a real video is processed: duration, poster, storyboard, and a short-lived ranged playback URL', async () => {
      await open();
      const lessonId = await newLesson(world);
      const video = await fs.readFile(fixtures.shortH264);
      const up = new Uploader(world.as('teacherOwner'), video);
      await up.finish(await up.start(lessonId, 'lesson.mp4'));
      await world.api.ctx.services.runner.drain();
      const { body: lesson } = await world
        .as('coach')
        .call<{ state: string; durationMs: number }>('GET', `/api/lessons/${lessonId}`, 200);
      expect(lesson.state).toBe('ready');
      expect(Math.abs(lesson.durationMs - 12_000)).toBeLessThan(200);
      const { body: media } = await world.as('coach').call<{
        video: { url: string; contentType: string };
        poster: { url: string };
        storyboard: { url: string; intervalMs: number };
      }>('GET', `/api/lessons/${lessonId}/media`, 200);
      const get = (url: string, headers: Record<string, string> = {}) =>
        url.startsWith('/') ? world.api.app.request(url, { headers }) : fetch(url, { headers });
      const ranged = await get(media.video.url, { range: 'bytes=0-99' });
      expect(ranged.status).toBe(206);
      expect(Buffer.from(await ranged.arrayBuffer())).toEqual(video.subarray(0, 100));
      expect((await get(media.video.url, { range: `bytes=${video.length + 10}-` })).status).toBe(
        416,
      );
      const poster = await get(media.poster.url);
      expect(poster.headers.get('content-type')).toMatch(/image\/jpeg/);
      expect(media.storyboard.intervalMs).toBeGreaterThan(0);
      const { body: audit } = await world
        .as('admin')
        .call<{ items: Array<{ action: string; actorId: string }> }>(
          'GET',
          `/api/audit?lessonId=${lessonId}`,
          200,
        );
      expect(audit.items).toContainEqual(
        expect.objectContaining({ action: 'lesson.media-opened', actorId: world.users.coach.id }),
      );
    });

    it('a phone HEVC recording is transcoded to a playable MP4 and the original is kept', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), await fs.readFile(fixtures.hevcMov));
      await up.finish(await up.start(lessonId, 'IMG_0001.MOV'));
      await world.api.ctx.services.runner.drain();
      expect((await lessonState(world, lessonId)).state).toBe('ready');
      const kinds = (await world.api.ctx.repositories.media.listForLesson(lessonId))
        .map((m) => m.kind)
        .sort();
      expect(kinds).toEqual(['original', 'playable', 'poster', 'storyboard']);
      const { body } = await world
        .as('teacherOwner')
        .call<{ video: { contentType: string } }>('GET', `/api/lessons/${lessonId}/media`, 200);
      expect(body.video.contentType).toBe('video/mp4');
    });

    it('deleting a lesson removes its files, uploads and records', async () => {
      await open();
      const lessonId = await newLesson(world);
      const up = new Uploader(world.as('teacherOwner'), await fs.readFile(fixtures.shortH264));
      const upload = await up.start(lessonId, 'lesson.mp4');
      await up.finish(upload);
      await world.api.ctx.services.runner.drain();
      await world.as('coach').call('DELETE', `/api/lessons/${lessonId}`, 404);
      await world.as('teacherOwner').call('DELETE', `/api/lessons/${lessonId}`, 204);
      await world.as('teacherOwner').call('GET', `/api/lessons/${lessonId}`, 404);
      expect(await world.api.ctx.storage.head(upload.key)).toBeUndefined();
      expect(await world.api.ctx.repositories.media.listForLesson(lessonId)).toEqual([]);
    });
  });
}
