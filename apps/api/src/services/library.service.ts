import { findCode, MQI_RUBRIC } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import { LESSON_STATES, type Lesson } from '../domain/lesson';
import { AppError, type ProblemField } from '../errors';
import type { LessonRepository } from '../repositories/lesson.repository';
import type {
  MasterScore,
  StockClipFilter,
  StockClipRecord,
  StockClipRepository,
} from '../repositories/stock-clip.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { LessonService } from './lesson.service';
import { denied } from './policy';
import { levelProblems } from './stock-agreement';

export interface StockClipInput {
  pseudonym: string;
  title: string;
  grade: string;
  topic: string;
  description: string;
  codeIds: string[];
  masterScores: MasterScore[];
}

/** Where the clip's video is on its way through the lesson pipeline. */
export interface StockVideo {
  lessonId: string;
  state: Lesson['state'];
  progress: number | null;
  durationMs: number | null;
}

/** A library entry as the API sends it: never its master scores (see `StockClipDetail`). */
export interface StockClipView {
  id: string;
  pseudonym: string;
  title: string;
  grade: string;
  topic: string;
  description: string;
  codeIds: string[];
  isPlaceholder: boolean;
  video: StockVideo | null;
  createdAt: string;
}

export interface StockClipDetail extends StockClipView {
  /** Null when the viewer may not see them (a teacher before submitting their scores). */
  masterScores: MasterScore[] | null;
  /** Cycles that use the clip (admins only: a clip in use cannot be deleted). */
  cycleCount: number | null;
}

/** States in which the lesson still waits for its file: the same lesson takes the upload. */
const WAITING = new Set<string>([LESSON_STATES.awaitingUpload, LESSON_STATES.uploading]);

/**
 * The program's stock-clip library: admins add, edit and remove clips with their master
 * scores and video; every member searches it; master scores are shown to admins and
 * coaches, and to a teacher only for a clip they have scored and submitted in a cycle.
 */
export class LibraryService {
  constructor(
    private readonly deps: {
      stockClips: StockClipRepository;
      lessonRows: LessonRepository;
      lessons: LessonService;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  async list(viewer: Viewer, filter: StockClipFilter): Promise<StockClipView[]> {
    await this.assertMember(viewer);
    const clips = await this.deps.stockClips.listForProgram(viewer.programId, filter);
    return Promise.all(clips.map((clip) => this.view(clip)));
  }

  async get(viewer: Viewer, clipId: string): Promise<StockClipDetail> {
    const clip = await this.load(viewer, clipId);
    return this.detail(viewer, clip);
  }

  async create(viewer: Viewer, input: StockClipInput): Promise<StockClipDetail> {
    await this.assertAdmin(viewer);
    check(input.codeIds, input.masterScores);
    const { masterScores, ...fields } = input;
    const id = await this.deps.stockClips.create(
      viewer.programId,
      { ...fields, isPlaceholder: false },
      masterScores,
    );
    await this.audit(viewer, 'stock-clip.created', id, { title: input.title });
    return this.get(viewer, id);
  }

  async update(
    viewer: Viewer,
    clipId: string,
    patch: Partial<StockClipInput>,
  ): Promise<StockClipDetail> {
    const clip = await this.load(viewer, clipId);
    await this.assertAdmin(viewer);
    const codeIds = patch.codeIds ?? clip.codeIds;
    // Changing the codes re-checks the stored master scores against them too.
    const masters =
      patch.masterScores ??
      (patch.codeIds ? (await this.deps.stockClips.masterScores([clip.id])).get(clip.id) : null);
    check(codeIds, masters ?? []);
    const { masterScores: _given, ...fields } = patch;
    await this.deps.stockClips.update(clip.id, fields, masters ?? undefined);
    await this.audit(viewer, 'stock-clip.updated', clip.id, { fields: Object.keys(patch) });
    return this.get(viewer, clip.id);
  }

  /**
   * Removes a clip no cycle uses, with its video's files. A clip some cycle used stays:
   * teachers' calibration over time is measured against its master scores.
   */
  async delete(viewer: Viewer, clipId: string): Promise<void> {
    const clip = await this.load(viewer, clipId);
    await this.assertAdmin(viewer);
    const uses = await this.deps.stockClips.cycleCount(clip.id);
    if (uses > 0) {
      throw new AppError(
        'stock_clip_in_use',
        409,
        'This stock clip is used in coaching cycles',
        `${uses} cycle${uses === 1 ? ' uses' : 's use'} it: teachers' calibration is measured against its master scores. Edit it instead.`,
      );
    }
    const lesson = clip.lessonId ? await this.deps.lessonRows.findById(clip.lessonId) : undefined;
    if (lesson) await this.deps.lessons.remove(lesson);
    await this.deps.stockClips.delete(clip.id);
    await this.audit(viewer, 'stock-clip.deleted', clip.id, { title: clip.title });
  }

  /**
   * The lesson that takes the clip's video through the upload pipeline: the waiting one,
   * or a new one (the old video's files are deleted when one is replaced). The lesson is
   * the admin's and is never listed as anyone's lesson.
   */
  async startVideo(viewer: Viewer, clipId: string): Promise<{ lesson: Lesson; isNew: boolean }> {
    const clip = await this.load(viewer, clipId);
    await this.assertAdmin(viewer);
    const old = clip.lessonId ? await this.deps.lessonRows.findById(clip.lessonId) : undefined;
    if (old && WAITING.has(old.state) && old.teacherId === viewer.userId) {
      return { lesson: old, isNew: false };
    }
    const lesson = await this.deps.lessonRows.create(
      {
        programId: clip.programId,
        teacherId: viewer.userId,
        title: `${clip.pseudonym}: ${clip.title}`,
        taughtOn: new Date().toISOString().slice(0, 10),
        grade: clip.grade,
        topic: clip.topic,
        focusCodeIds: clip.codeIds,
      },
      LESSON_STATES.awaitingUpload,
    );
    await this.deps.stockClips.update(clip.id, { lessonId: lesson.id, isPlaceholder: false });
    if (old) await this.deps.lessons.remove(old);
    await this.audit(viewer, 'stock-clip.video-started', clip.id, { lessonId: lesson.id });
    return { lesson, isNew: true };
  }

  /**
   * Clips with their master scores, for the calibration service, which has already
   * decided whether the viewer may see them: no access check here.
   */
  async clipsWithMasters(clipIds: readonly string[]) {
    const masters = await this.deps.stockClips.masterScores(clipIds);
    const out = new Map<
      string,
      { id: string; pseudonym: string; title: string; view: StockClipView; masters: MasterScore[] }
    >();
    for (const id of clipIds) {
      const clip = await this.deps.stockClips.findById(id);
      if (!clip) continue;
      out.set(id, {
        id,
        pseudonym: clip.pseudonym,
        title: clip.title,
        view: await this.view(clip),
        masters: masters.get(id) ?? [],
      });
    }
    return out;
  }

  /** The clip, when it is in the viewer's program library; otherwise a 404. */
  private async load(viewer: Viewer, clipId: string): Promise<StockClipRecord> {
    const clip = await this.deps.stockClips.findById(clipId);
    if (!clip || clip.programId !== viewer.programId) throw denied('Stock clip');
    await this.assertMember(viewer);
    return clip;
  }

  private assertMember(viewer: Viewer) {
    return this.deps.access.assert(
      viewer,
      'read',
      { kind: 'program-library', programId: viewer.programId },
      'Stock clip',
    );
  }

  private assertAdmin(viewer: Viewer) {
    return this.deps.access.assert(viewer, 'manage', {
      kind: 'program-admin',
      programId: viewer.programId,
    });
  }

  private async view(clip: StockClipRecord): Promise<StockClipView> {
    const lesson = clip.lessonId ? await this.deps.lessonRows.findById(clip.lessonId) : undefined;
    return {
      id: clip.id,
      pseudonym: clip.pseudonym,
      title: clip.title,
      grade: clip.grade,
      topic: clip.topic,
      description: clip.description,
      codeIds: clip.codeIds,
      isPlaceholder: clip.isPlaceholder,
      video: lesson
        ? {
            lessonId: lesson.id,
            state: lesson.state,
            progress: lesson.progress,
            durationMs: lesson.durationMs,
          }
        : null,
      createdAt: clip.createdAt,
    };
  }

  private async detail(viewer: Viewer, clip: StockClipRecord): Promise<StockClipDetail> {
    const isAdmin = viewer.role === ROLES.admin;
    const mayReveal =
      isAdmin ||
      viewer.role === ROLES.coach ||
      (await this.deps.stockClips.isSubmittedBy(viewer.userId, clip.id));
    const masters = mayReveal
      ? ((await this.deps.stockClips.masterScores([clip.id])).get(clip.id) ?? [])
      : null;
    return {
      ...(await this.view(clip)),
      // In the clip's code order, so every page lists them alike.
      masterScores: masters
        ? clip.codeIds.flatMap((id) => masters.filter((m) => m.codeId === id))
        : null,
      cycleCount: isAdmin ? await this.deps.stockClips.cycleCount(clip.id) : null,
    };
  }

  private audit(viewer: Viewer, action: string, clipId: string, detail: Record<string, unknown>) {
    return this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action,
      subjectType: 'stock_clip',
      subjectId: clipId,
      detail,
    });
  }
}

/** The clip's codes exist; master scores are for its codes, once each, on valid levels. */
function check(codeIds: readonly string[], masters: readonly MasterScore[]): void {
  const problems: ProblemField[] = [];
  codeIds.forEach((id, i) => {
    if (!findCode(MQI_RUBRIC, id))
      problems.push({ path: `$.codeIds[${i}]`, reason: `unknown rubric code ${id}` });
  });
  if (new Set(codeIds).size !== codeIds.length)
    problems.push({ path: '$.codeIds', reason: 'a code is given twice' });
  problems.push(...levelProblems(masters, '$.masterScores'));
  masters.forEach((m, i) => {
    if (findCode(MQI_RUBRIC, m.codeId) && !codeIds.includes(m.codeId))
      problems.push({
        path: `$.masterScores[${i}].codeId`,
        reason: `${m.codeId} is not one of the clip's codes`,
      });
  });
  if (problems.length) throw AppError.validation(problems);
}
