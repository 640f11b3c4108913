import fs from 'node:fs';
import type { Db } from '../db/database';
import { LESSON_STATES, MEDIA_KINDS } from '../domain/lesson';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { CycleRepository } from '../repositories/cycle.repository';
import { DemoCycleRepository } from '../repositories/demo-cycle.repository';
import type { JobRepository } from '../repositories/job.repository';
import type { LessonRepository } from '../repositories/lesson.repository';
import type { MediaRepository } from '../repositories/media.repository';
import type { ReviewRepository } from '../repositories/review.repository';
import type { StockClipRepository } from '../repositories/stock-clip.repository';
import type { TranscriptRepository } from '../repositories/transcript.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { ObjectStorage } from '../storage/storage';
import {
  DEMO_CYCLE1_SCORES,
  DEMO_CYCLE1_STOCK_CODES,
  DEMO_CYCLE2_STOCK_CODES,
  DEMO_FOCUS,
  DEMO_GOALS,
  DEMO_MASTER_SCORES,
  dayFrom,
  demoAssignment,
  demoLogVersions,
  meetingFrom,
} from './demo-cycles';
import { DEMO_ANNOTATIONS, DEMO_CLIPS, DEMO_TRANSCRIPT } from './demo-review';
import { lessonPrefix } from './lesson.service';
import { PROCESS_LESSON_JOB } from './upload.service';

/**
 * The demo lesson: a short generated recording, stored and queued for processing exactly
 * as an upload is, so a newcomer sees the whole pipeline work on first start.
 */
export class DemoService {
  private readonly demoCycles: DemoCycleRepository | undefined;

  constructor(
    private readonly deps: {
      lessons: LessonRepository;
      media: MediaRepository;
      jobs: JobRepository;
      review: ReviewRepository;
      transcripts: TranscriptRepository;
      cycles: CycleRepository;
      caseloads: CaseloadRepository;
      users: UserRepository;
      stockClips: StockClipRepository;
      storage: ObjectStorage;
      /** The cycles' rows are written directly; without the database the demo has no cycles. */
      db?: Db;
    },
  ) {
    this.demoCycles = deps.db ? new DemoCycleRepository(deps.db) : undefined;
  }

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
    await this.seedCycles(programId, coachId, teacherId, lesson.id);
    return lesson.id;
  }

  /**
   * The demo's coaching cycles, so every dashboard has something to show: the teacher's
   * finished cycle 1 (stock clip scored, log completed) and cycle 2 on the demo lesson with
   * the assignment sent; every other teacher of the coach a cycle 1 awaiting its video.
   * Teachers who already have cycles are left alone, so seeding twice adds nothing.
   */
  async seedCycles(
    programId: string,
    coachId: string,
    teacherId: string,
    lessonId: string,
    now = new Date(),
  ): Promise<void> {
    const demo = this.demoCycles;
    if (!demo) return;
    const { cycles, users, stockClips } = this.deps;
    const [teacher, coach] = await Promise.all([
      users.findById(teacherId),
      users.findById(coachId),
    ]);
    if (!teacher || !coach) return;
    const others = (await this.deps.caseloads.teachersOf(coachId)).filter((id) => id !== teacherId);
    for (const other of others) {
      if (await demo.hasCycles(other)) continue;
      await cycles.create({
        ...blankCycle(programId, other, coachId),
        focusCodeIds: DEMO_FOCUS,
        videoDueOn: dayFrom(now, 4),
      });
    }
    if (await demo.hasCycles(teacherId)) return;

    const stockClip = (await stockClips.listForProgram(programId))[0];
    if (stockClip) await demo.putMasterScores(stockClip.id, DEMO_MASTER_SCORES);
    const goalIds: string[] = [];
    for (const goal of DEMO_GOALS) {
      goalIds.push(
        await demo.addGoal({
          programId,
          teacherId,
          ...goal,
          createdBy: teacherId,
          at: new Date(now.getTime() - 40 * 86_400_000).toISOString(),
        }),
      );
    }
    const nextVideoDueOn = dayFrom(now, -4);
    const nextMeetingAt = meetingFrom(now, 2);

    const first = await cycles.create({
      ...blankCycle(programId, teacherId, coachId),
      focusCodeIds: DEMO_FOCUS,
      goalIds,
      stockClipId: stockClip?.id ?? null,
      stockCodeIds: stockClip ? DEMO_CYCLE1_STOCK_CODES : [],
      videoDueOn: dayFrom(now, -24),
      meetingAt: meetingFrom(now, -17),
    });
    await cycles.update(first.id, { heldAt: meetingFrom(now, -17) });
    if (stockClip) {
      await demo.addSubmittedScores(first.id, DEMO_CYCLE1_SCORES, meetingFrom(now, -18));
    }
    const [draft, done] = demoLogVersions(now, nextVideoDueOn, nextMeetingAt, goalIds);
    await demo.addCompletedLog(first.id, [
      { fields: draft, authorId: coachId, at: meetingFrom(now, -17) },
      { fields: done, authorId: teacherId, at: meetingFrom(now, -16) },
    ]);

    const second = await cycles.create({
      ...blankCycle(programId, teacherId, coachId),
      focusCodeIds: DEMO_FOCUS,
      goalIds,
      lessonId,
      stockClipId: stockClip?.id ?? null,
      stockCodeIds: stockClip ? DEMO_CYCLE2_STOCK_CODES : [],
      videoDueOn: nextVideoDueOn,
      meetingAt: nextMeetingAt,
    });
    const email = demoAssignment({
      teacherName: teacher.name,
      coachName: coach.name,
      stockClip: stockClip ? `${stockClip.pseudonym}: ${stockClip.title}` : 'stock',
      meetingAt: nextMeetingAt,
      timeZone: teacher.timeZone,
    });
    await demo.addAssignment({
      cycleId: second.id,
      sentBy: coachId,
      toEmail: teacher.email,
      ...email,
      sentAt: new Date(now.getTime() - 86_400_000).toISOString(),
    });
  }
}

function blankCycle(programId: string, teacherId: string, coachId: string) {
  return {
    programId,
    teacherId,
    coachId,
    focusCodeIds: [] as string[],
    goalIds: [] as string[],
    lessonId: null,
    stockClipId: null,
    stockCodeIds: [] as string[],
    videoDueOn: null,
    meetingAt: null,
  };
}
