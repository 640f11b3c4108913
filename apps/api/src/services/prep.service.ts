import type { Viewer } from '../domain/account';
import type { Cycle } from '../domain/cycle';
import type {
  CoachingRepository,
  CycleClip,
  StockClipInfo,
  TeacherGoal,
} from '../repositories/coaching.repository';
import type { PrepRepository } from '../repositories/prep.repository';
import type { AccessService } from './access.service';
import type { CycleService } from './cycle.service';
import type { Action } from './policy';

/**
 * The planning guide's questions (program seed 001, "Coach Preparation"), one text each.
 * The names are the API's; the web form words the questions.
 */
export const PREP_FIELD_NAMES = [
  'focus',
  'goalRelation',
  'lessonSummary',
  'clip1Framing',
  'clip1Interpretations',
  'clip1Questions',
  'clip2Framing',
  'clip2Interpretations',
  'clip2Questions',
  'teacherShouldLearn',
  'moreSkilled',
  'suggestions',
  'stockRelation',
  'generativeQuestions',
  'anticipatedAnswers',
  'otherFeedback',
] as const;
export type PrepFieldName = (typeof PREP_FIELD_NAMES)[number];
export type PrepFields = Record<PrepFieldName, string>;

/** The coach's preparation, with what the cycle already says beside it. */
export interface PrepView {
  cycleId: string;
  fields: PrepFields;
  /** Null until the coach first saves. */
  updatedAt: string | null;
  lessonId: string | null;
  focusCodeIds: string[];
  goals: TeacherGoal[];
  clips: CycleClip[];
  stockClip: StockClipInfo | null;
  stockCodeIds: string[];
}

function normalize(stored: Record<string, unknown> | undefined): PrepFields {
  const out = {} as PrepFields;
  for (const name of PREP_FIELD_NAMES) {
    const value = stored?.[name];
    out[name] = typeof value === 'string' ? value : '';
  }
  return out;
}

/**
 * The coach's private preparation: only the cycle's coach (while coaching the teacher)
 * reads or writes it; the teacher, other coaches and admins get the same 404 as for
 * something that does not exist, and the repository filters by author as well.
 */
export class PrepService {
  constructor(
    private readonly deps: {
      cycles: CycleService;
      prep: PrepRepository;
      coaching: CoachingRepository;
      access: AccessService;
    },
  ) {}

  async get(viewer: Viewer, cycleId: string): Promise<PrepView> {
    const cycle = await this.loadOwn(viewer, cycleId, 'read');
    const stored = await this.deps.prep.find(cycle.id, viewer.userId);
    return this.view(cycle, normalize(stored?.fields), stored?.updatedAt ?? null);
  }

  /** Replaces the notes with `fields` (a missing question is an empty answer). */
  async save(viewer: Viewer, cycleId: string, fields: Partial<PrepFields>): Promise<PrepView> {
    const cycle = await this.loadOwn(viewer, cycleId, 'write');
    const saved = await this.deps.prep.save(cycle.id, viewer.userId, normalize(fields));
    return this.view(cycle, normalize(saved.fields), saved.updatedAt);
  }

  private async loadOwn(viewer: Viewer, cycleId: string, action: Action): Promise<Cycle> {
    const cycle = await this.deps.cycles.load(viewer, cycleId, 'read');
    await this.deps.access.assert(
      viewer,
      action,
      {
        kind: 'private-item',
        programId: cycle.programId,
        teacherId: cycle.teacherId,
        authorId: cycle.coachId,
      },
      'Preparation',
    );
    return cycle;
  }

  private async view(cycle: Cycle, fields: PrepFields, updatedAt: string | null) {
    const { coaching } = this.deps;
    const [clips, stockClip, goals] = await Promise.all([
      coaching.clips(cycle.lessonId),
      coaching.stockClip(cycle.programId, cycle.stockClipId),
      coaching.goals(cycle.teacherId),
    ]);
    return {
      cycleId: cycle.id,
      fields,
      updatedAt,
      lessonId: cycle.lessonId,
      focusCodeIds: cycle.focusCodeIds,
      goals,
      clips,
      stockClip,
      stockCodeIds: cycle.stockCodeIds,
    } satisfies PrepView;
  }
}
