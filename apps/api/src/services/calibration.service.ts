import type { Agreement } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import type { Cycle } from '../domain/cycle';
import { AppError, type ProblemField } from '../errors';
import type { MasterScore } from '../repositories/stock-clip.repository';
import type { StockScoreRepository } from '../repositories/stock-score.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import type { CycleService } from './cycle.service';
import type { LibraryService, StockClipView } from './library.service';
import { denied } from './policy';
import {
  type AgreementTally,
  addToTally,
  compareWithMaster,
  emptyTally,
  levelProblems,
} from './stock-agreement';

export const SCORE_STATUSES = { none: 'none', draft: 'draft', submitted: 'submitted' } as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[keyof typeof SCORE_STATUSES];

/** One assigned code: the teacher's score and, once revealed, the master's and how they agree. */
export interface ScoredCode {
  codeId: string;
  score: { level: string; reason: string } | null;
  master: MasterScore | null;
  agreement: Agreement | null;
}

export interface StockScoresView {
  cycleId: string;
  teacherId: string;
  clip: StockClipView | null;
  status: ScoreStatus;
  submittedAt: string | null;
  /** Master scores are in this answer (always for the coach; for the teacher once submitted). */
  isRevealed: boolean;
  /** The viewer is the teacher and may still change the scores. */
  mayScore: boolean;
  codes: ScoredCode[];
  tally: AgreementTally | null;
}

export interface ScoresInput {
  scores: Array<{ codeId: string; level: string; reason: string }>;
  submit: boolean;
}

export interface CalibrationCycle {
  cycleId: string;
  number: number;
  submittedAt: string;
  clip: { id: string; pseudonym: string; title: string } | null;
  codes: Array<{
    codeId: string;
    teacherLevel: string;
    masterLevel: string | null;
    agreement: Agreement | null;
  }>;
  tally: AgreementTally;
}

export interface Calibration {
  teacherId: string;
  teacherName: string;
  cycles: CalibrationCycle[];
  totals: AgreementTally;
  /** Per code, across cycles: which codes the teacher reads like the masters. */
  byCode: Array<{ codeId: string } & AgreementTally>;
}

/**
 * Stock-clip scoring in a cycle (draft, submit, then the comparison with the master
 * scores) and a teacher's calibration over time. Master scores leave the server for a
 * teacher only after their scores are submitted, whatever the client asks.
 */
export class CalibrationService {
  constructor(
    private readonly deps: {
      scores: StockScoreRepository;
      users: UserRepository;
      cycles: CycleService;
      library: LibraryService;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  async scores(viewer: Viewer, cycleId: string): Promise<StockScoresView> {
    const cycle = await this.loadShared(viewer, cycleId, 'read');
    return this.view(viewer, cycle);
  }

  /** The teacher saves a draft, or submits (after which the scores are fixed). */
  async save(viewer: Viewer, cycleId: string, input: ScoresInput): Promise<StockScoresView> {
    const cycle = await this.loadShared(viewer, cycleId, 'read');
    if (viewer.role !== ROLES.teacher || viewer.userId !== cycle.teacherId) {
      throw new AppError(
        'forbidden',
        403,
        'Only the teacher scores the stock clip',
        'The scores are the teacher’s own reading of the clip.',
      );
    }
    await this.deps.access.assert(viewer, 'write', this.sharedItem(cycle), 'Cycle');
    if (!cycle.stockClipId || cycle.stockCodeIds.length === 0) {
      throw new AppError(
        'no_stock_clip',
        409,
        'No stock clip to score yet',
        'Your coach has not chosen the stock clip and its codes for this cycle.',
      );
    }
    // Fixed scores are the answer to any change, valid or not; the save re-checks it.
    const stored = await this.deps.scores.listForCycle(cycle.id);
    if (stored.some((s) => s.submittedAt)) throw alreadySubmitted();
    const problems = checkScores(cycle.stockCodeIds, input);
    if (problems.length) throw AppError.validation(problems);
    const isSaved = await this.deps.scores.save(
      cycle.id,
      input.scores.map((s) => ({ codeId: s.codeId, level: s.level, reason: s.reason.trim() })),
      input.submit,
    );
    if (!isSaved) throw alreadySubmitted();
    if (input.submit) {
      await this.deps.audit.record({
        programId: cycle.programId,
        actorId: viewer.userId,
        action: 'stock-scores.submitted',
        subjectType: 'cycle',
        subjectId: cycle.id,
        detail: { codes: input.scores.map((s) => s.codeId) },
      });
    }
    return this.view(viewer, cycle);
  }

  /** The teacher's agreement with the masters, cycle by cycle (submitted scores only). */
  async calibration(viewer: Viewer, teacherId: string): Promise<Calibration> {
    const teacher = await this.deps.users.findById(teacherId);
    if (!teacher || teacher.programId !== viewer.programId || teacher.role !== ROLES.teacher)
      throw denied('Teacher');
    await this.deps.access.assert(
      viewer,
      'read',
      { kind: 'shared-item', programId: teacher.programId, teacherId: teacher.id },
      'Teacher',
    );
    const scored = await this.deps.scores.submittedForTeacher(teacher.programId, teacher.id);
    const clipIds = [...new Set(scored.map((s) => s.stockClipId))];
    const clips = await this.deps.library.clipsWithMasters(clipIds);
    const totals = emptyTally();
    const byCode = new Map<string, AgreementTally>();
    const cycles = scored.map((s): CalibrationCycle => {
      const clip = clips.get(s.stockClipId);
      const tally = emptyTally();
      const codes = s.scores.map((score) => {
        const master = clip?.masters.find((m) => m.codeId === score.codeId);
        const agreement = compareWithMaster(score.codeId, score.level, master?.level);
        addToTally(tally, agreement);
        addToTally(totals, agreement);
        const perCode = byCode.get(score.codeId) ?? emptyTally();
        addToTally(perCode, agreement);
        byCode.set(score.codeId, perCode);
        return {
          codeId: score.codeId,
          teacherLevel: score.level,
          masterLevel: master?.level ?? null,
          agreement,
        };
      });
      return {
        cycleId: s.cycleId,
        number: s.number,
        submittedAt: s.submittedAt,
        clip: clip ? { id: clip.id, pseudonym: clip.pseudonym, title: clip.title } : null,
        codes: orderLike(s.stockCodeIds, codes),
        tally,
      };
    });
    return {
      teacherId: teacher.id,
      teacherName: teacher.name,
      cycles,
      totals,
      byCode: [...byCode].map(([codeId, tally]) => ({ codeId, ...tally })),
    };
  }

  /** The cycle, when the viewer may read the teacher's shared items of it; otherwise a 404. */
  private async loadShared(viewer: Viewer, cycleId: string, action: 'read'): Promise<Cycle> {
    const cycle = await this.deps.cycles.load(viewer, cycleId, action);
    await this.deps.access.assert(viewer, action, this.sharedItem(cycle), 'Cycle');
    return cycle;
  }

  private sharedItem(cycle: Cycle) {
    return { kind: 'shared-item' as const, programId: cycle.programId, teacherId: cycle.teacherId };
  }

  private async view(viewer: Viewer, cycle: Cycle): Promise<StockScoresView> {
    const isTeacher = viewer.role === ROLES.teacher;
    const stored = await this.deps.scores.listForCycle(cycle.id);
    const submittedAt = stored.find((s) => s.submittedAt)?.submittedAt ?? null;
    const status: ScoreStatus = submittedAt
      ? SCORE_STATUSES.submitted
      : stored.length
        ? SCORE_STATUSES.draft
        : SCORE_STATUSES.none;
    // A draft is the teacher's work in progress: the coach sees scores once submitted.
    const visible = isTeacher || submittedAt ? stored : [];
    const isRevealed = !isTeacher || submittedAt !== null;
    const clip = cycle.stockClipId
      ? (await this.deps.library.clipsWithMasters([cycle.stockClipId])).get(cycle.stockClipId)
      : undefined;
    const tally = isRevealed && submittedAt ? emptyTally() : null;
    const codes = cycle.stockCodeIds.map((codeId): ScoredCode => {
      const own = visible.find((s) => s.codeId === codeId);
      const master = isRevealed ? (clip?.masters.find((m) => m.codeId === codeId) ?? null) : null;
      const agreement = master && own ? compareWithMaster(codeId, own.level, master.level) : null;
      if (tally) addToTally(tally, agreement);
      return {
        codeId,
        score: own ? { level: own.level, reason: own.reason } : null,
        master,
        agreement,
      };
    });
    return {
      cycleId: cycle.id,
      teacherId: cycle.teacherId,
      clip: clip?.view ?? null,
      status,
      submittedAt,
      isRevealed,
      mayScore: isTeacher && !submittedAt && clip !== undefined && codes.length > 0,
      codes,
      tally,
    };
  }
}

function alreadySubmitted(): AppError {
  return new AppError(
    'scores_submitted',
    409,
    'The scores are already submitted',
    'Submitted scores are fixed: they are compared with the master scores.',
  );
}

function checkScores(codeIds: readonly string[], input: ScoresInput): ProblemField[] {
  const problems = levelProblems(input.scores, '$.scores');
  input.scores.forEach((s, i) => {
    if (!codeIds.includes(s.codeId))
      problems.push({ path: `$.scores[${i}].codeId`, reason: `${s.codeId} is not assigned` });
    if (input.submit && !s.reason.trim())
      problems.push({ path: `$.scores[${i}].reason`, reason: 'give a short reason' });
  });
  if (input.submit) {
    for (const codeId of codeIds) {
      if (!input.scores.some((s) => s.codeId === codeId))
        problems.push({ path: '$.scores', reason: `score ${codeId} before submitting` });
    }
  }
  return problems;
}

function orderLike<T extends { codeId: string }>(order: readonly string[], items: T[]): T[] {
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...items].sort((a, b) => rank(a.codeId) - rank(b.codeId));
}
