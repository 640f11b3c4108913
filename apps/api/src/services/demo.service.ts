import fs from 'node:fs';
import { LESSON_STATES, MEDIA_KINDS } from '../domain/lesson';
import type { JobRepository } from '../repositories/job.repository';
import type { LessonRepository } from '../repositories/lesson.repository';
import type { MediaRepository } from '../repositories/media.repository';
import type { ReviewRepository } from '../repositories/review.repository';
import type { TranscriptRepository } from '../repositories/transcript.repository';
import type { ObjectStorage } from '../storage/storage';
import { DEMO_ANNOTATIONS, DEMO_CLIPS, DEMO_TRANSCRIPT } from './demo-review';
import { lessonPrefix } from './lesson.service';
import { PROCESS_LESSON_JOB } from './upload.service';

/**
 * The demo lesson: a short generated recording, stored and queued for processing exactly
 * as an upload is, so a newcomer sees the whole pipeline work on first start.
 */
export class DemoService {
  constructor(
    private readonly deps: {
      lessons: LessonRepository;
      media: MediaRepository;
      jobs: JobRepository;
      review: ReviewRepository;
      transcripts: TranscriptRepository;
      storage: ObjectStorage;
    },
  ) {}

  /** The demo recording, plus its review by the demo coach, so the review page shows at once. */
  async seedLesson(
    programId: string,
    teacherId: string,
    coachId: string,
    file: string,
  ): Promise<string | undefined> {
    if (!fs.existsSync(file)) return undefined;
    const { lessons, media, jobs, storage } = this.deps;
    const lesson = await lessons.create(
      {
        programId,
        teacherId,
        title: 'Comparing fractions with a number line',
        taughtOn: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        grade: '4',
        topic: 'Fractions',
        focusCodeIds: ['STEXPL', 'SMQR'],
      },
      LESSON_STATES.processing,
    );
    const key = `${lessonPrefix(lesson.id)}original/demo`;
    const info = await storage.put(key, fs.createReadStream(file), 'video/mp4');
    await media.upsert({
      lessonId: lesson.id,
      kind: MEDIA_KINDS.original,
      storageKey: key,
      contentType: 'video/mp4',
      sizeBytes: info.size,
      meta: { fileName: 'demo-lesson.mp4' },
    });
    await jobs.enqueue(PROCESS_LESSON_JOB, lesson.id);
    for (const { position, ...clip } of DEMO_CLIPS) {
      await this.deps.review.putClip(lesson.id, position, { ...clip, createdBy: coachId });
    }
    for (const annotation of DEMO_ANNOTATIONS) {
      await this.deps.review.createAnnotation(lesson.id, coachId, annotation);
    }
    await this.deps.transcripts.put(lesson.id, 'vtt', DEMO_TRANSCRIPT);
    return lesson.id;
  }
}
