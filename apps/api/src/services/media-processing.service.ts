import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { LESSON_STATES, MEDIA_KINDS } from '../domain/lesson';
import { hasFfmpeg } from '../media/ffmpeg';
import { makePoster } from '../media/poster';
import { isBrowserPlayable, probeVideo } from '../media/probe';
import { ACCEPTED_VIDEO_TYPES, sniffVideoContainer } from '../media/sniff';
import { makeStoryboard } from '../media/storyboard';
import { transcodeToMp4 } from '../media/transcode';
import type { Job } from '../repositories/job.repository';
import type { LessonRepository } from '../repositories/lesson.repository';
import type { MediaRepository } from '../repositories/media.repository';
import type { ObjectStorage } from '../storage/storage';
import { lessonPrefix } from './lesson.service';

/**
 * What happens after an upload: check it is a video (by content, then with ffprobe),
 * make a poster and storyboard, and transcode what a browser cannot play. A file that
 * is not a video is deleted and the lesson says why.
 */
export class MediaProcessingService {
  constructor(
    private readonly deps: {
      lessons: LessonRepository;
      media: MediaRepository;
      storage: ObjectStorage;
      workDir: string;
      logger: Logger;
    },
  ) {}

  async process(job: Job, heartbeat: () => Promise<void>): Promise<void> {
    const { lessons, media, storage } = this.deps;
    if (!job.lessonId) return;
    const lesson = await lessons.findById(job.lessonId);
    const original = (await media.listForLesson(job.lessonId)).find(
      (a) => a.kind === MEDIA_KINDS.original,
    );
    if (!lesson || !original) return; // deleted meanwhile: nothing to do

    const head = await readHead(storage, original.storageKey, 64);
    const container = sniffVideoContainer(head);
    if (!container) {
      return this.reject(
        lesson.id,
        original.storageKey,
        'This file is not a video: it is not an MP4, MOV, M4V, WebM or MKV recording.',
      );
    }
    // The type the content says, not the one the browser guessed from the file name.
    original.contentType = ACCEPTED_VIDEO_TYPES[container].contentType;
    await media.upsert(original);
    if (!(await hasFfmpeg())) {
      await lessons.update(lesson.id, {
        state: LESSON_STATES.notProcessed,
        stateReason:
          'Stored but not processed: this server has no ffmpeg to check and prepare recordings.',
        progress: null,
      });
      return;
    }

    const dir = path.join(this.deps.workDir, job.id);
    fs.mkdirSync(dir, { recursive: true });
    try {
      const source = path.join(dir, 'source');
      await pipeline(await storage.getStream(original.storageKey), fs.createWriteStream(source));
      await heartbeat();
      let probe: Awaited<ReturnType<typeof probeVideo>>;
      try {
        probe = await probeVideo(source);
      } catch (err) {
        const why = err instanceof Error ? err.message : 'unreadable';
        return this.reject(
          lesson.id,
          original.storageKey,
          `This file could not be read as a video (${why}).`,
        );
      }
      await lessons.update(lesson.id, { durationMs: probe.durationMs, progress: 10 });
      const prefix = lessonPrefix(lesson.id);

      const poster = path.join(dir, 'poster.jpg');
      await makePoster(source, poster, { atMs: Math.round(probe.durationMs * 0.1) });
      await this.store(lesson.id, MEDIA_KINDS.poster, `${prefix}poster.jpg`, poster, 'image/jpeg');

      const storyboardFile = path.join(dir, 'storyboard.jpg');
      const sheet = await makeStoryboard(source, storyboardFile, { durationMs: probe.durationMs });
      await this.store(
        lesson.id,
        MEDIA_KINDS.storyboard,
        `${prefix}storyboard.jpg`,
        storyboardFile,
        'image/jpeg',
        { ...sheet },
      );
      await lessons.update(lesson.id, { progress: 20 });
      await heartbeat();

      if (!isBrowserPlayable(probe)) {
        // The original stays in the store until the transcode is safely stored.
        const playable = path.join(dir, 'playable.mp4');
        let last = 0;
        await transcodeToMp4(source, playable, {
          durationMs: probe.durationMs,
          onProgress: (percent) => {
            const overall = 20 + Math.round(percent * 0.78);
            if (overall - last >= 5) {
              last = overall;
              void lessons.update(lesson.id, { progress: overall });
              void heartbeat();
            }
          },
        });
        await this.store(
          lesson.id,
          MEDIA_KINDS.playable,
          `${prefix}playable.mp4`,
          playable,
          'video/mp4',
        );
      }
      await media.upsert({ ...original, meta: { ...original.meta, probe } });
      await lessons.update(lesson.id, {
        state: LESSON_STATES.ready,
        stateReason: null,
        progress: 100,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private async store(
    lessonId: string,
    kind: (typeof MEDIA_KINDS)[keyof typeof MEDIA_KINDS],
    key: string,
    file: string,
    contentType: string,
    meta: Record<string, unknown> | null = null,
  ) {
    const info = await this.deps.storage.put(key, fs.createReadStream(file), contentType);
    await this.deps.media.upsert({
      lessonId,
      kind,
      storageKey: key,
      contentType,
      sizeBytes: info.size,
      meta,
    });
  }

  private async reject(lessonId: string, key: string, reason: string): Promise<void> {
    await this.deps.storage.delete(key);
    await this.deps.media.remove(lessonId, MEDIA_KINDS.original);
    await this.deps.lessons.update(lessonId, {
      state: LESSON_STATES.failed,
      stateReason: reason,
      progress: null,
    });
    this.deps.logger.info({ lessonId, reason }, 'upload rejected');
  }
}

async function readHead(storage: ObjectStorage, key: string, bytes: number): Promise<Uint8Array> {
  const info = await storage.head(key);
  if (!info || info.size === 0) return new Uint8Array();
  const stream = await storage.getStream(key, { start: 0, end: Math.min(bytes, info.size) - 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
