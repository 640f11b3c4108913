import { createHmac, randomBytes } from 'node:crypto';
import { agreement, findCode, levelIndex, MQI_RUBRIC, scaleOf } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import type { Cycle, CycleView } from '../domain/cycle';
import type { CycleRepository } from '../repositories/cycle.repository';
import type { DashboardRepository, ScoredCode } from '../repositories/dashboard.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import { toCsv } from './csv';
import type { CycleService } from './cycle.service';

/**
 * The columns of the research export. Nothing in it names or describes a person: ids are
 * salted hashes that change with every export, dates are coarsened to the month, and no
 * free text (titles, reasons, rationales, log entries) is included.
 */
export const RESEARCH_COLUMNS = [
  'teacher_pid',
  'coach_pid',
  'cycle_pid',
  'cycle_number',
  'cycle_month',
  'stage',
  'focus_codes',
  'stock_clip_pid',
  'code_id',
  'code_domain',
  'scale_direction',
  'teacher_level',
  'teacher_score',
  'master_level',
  'master_score',
  'agreement',
  'distance',
  'quality_delta',
] as const;
type Column = (typeof RESEARCH_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/** Views are computed in slices so an export of a whole district stays within bind limits. */
const SLICE = 500;

/** The admin's de-identified CSV of the program's cycles, codes, stock scores and agreement. */
export class ResearchExportService {
  constructor(
    private readonly deps: {
      cycleService: CycleService;
      cycles: CycleRepository;
      dashboard: DashboardRepository;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  async csv(viewer: Viewer): Promise<string> {
    this.deps.access.assertRole(viewer, ROLES.admin);
    await this.deps.access.assert(viewer, 'manage', {
      kind: 'program-admin',
      programId: viewer.programId,
    });
    const cycles = await this.deps.cycles.listForProgram(viewer.programId);
    const views = await this.viewsInSlices(cycles);
    const scores = groupBy(await this.deps.dashboard.submittedScores(viewer.programId));
    const pid = pseudonymizer();
    const rows: Row[] = [];
    for (const cycle of views) {
      const base: Row = {
        teacher_pid: pid('t', cycle.teacherId),
        coach_pid: pid('c', cycle.coachId),
        cycle_pid: pid('y', cycle.id),
        cycle_number: cycle.number,
        cycle_month: cycle.createdAt.slice(0, 7),
        stage: cycle.stage,
        focus_codes: cycle.focusCodeIds.join(' '),
        stock_clip_pid: cycle.stockClipId ? pid('s', cycle.stockClipId) : '',
      };
      const scored = scores.get(cycle.id) ?? [];
      if (scored.length === 0) rows.push(base);
      for (const s of scored) rows.push({ ...base, ...compare(s) });
    }
    await this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action: 'program.research-exported',
      detail: { cycles: views.length, rows: rows.length },
    });
    return toCsv(
      RESEARCH_COLUMNS,
      rows.map((r) => RESEARCH_COLUMNS.map((c) => r[c] ?? '')),
    );
  }

  private async viewsInSlices(cycles: readonly Cycle[]): Promise<CycleView[]> {
    const out: CycleView[] = [];
    for (let i = 0; i < cycles.length; i += SLICE) {
      out.push(...(await this.deps.cycleService.views(cycles.slice(i, i + SLICE))));
    }
    return out;
  }
}

/**
 * Salted HMACs with a fresh salt per export: an id is stable within one file (rows of the
 * same teacher join up) but cannot be linked across exports or back to the database.
 */
function pseudonymizer(): (prefix: string, id: string) => string {
  const salt = randomBytes(32);
  return (prefix, id) =>
    `${prefix}-${createHmac('sha256', salt).update(`${prefix}:${id}`).digest('hex').slice(0, 16)}`;
}

function groupBy(scores: readonly ScoredCode[]): Map<string, ScoredCode[]> {
  const out = new Map<string, ScoredCode[]>();
  for (const s of scores) out.set(s.cycleId, [...(out.get(s.cycleId) ?? []), s]);
  return out;
}

/** The teacher's level beside the master's, with agreement honouring the scale's direction. */
function compare(s: ScoredCode): Row {
  const code = findCode(MQI_RUBRIC, s.codeId);
  if (!code) return { code_id: s.codeId };
  const scale = scaleOf(MQI_RUBRIC, code);
  const scoreOf = (level: string) => scale.levels[levelIndex(scale, level)]?.score ?? '';
  const row: Row = {
    code_id: code.id,
    code_domain: code.domainId ?? '',
    scale_direction: scale.direction,
    teacher_level: s.level,
    teacher_score: scoreOf(s.level),
  };
  if (s.masterLevel === null) return row;
  row.master_level = s.masterLevel;
  row.master_score = scoreOf(s.masterLevel);
  if (levelIndex(scale, s.level) < 0 || levelIndex(scale, s.masterLevel) < 0) return row;
  const a = agreement(MQI_RUBRIC, code.id, s.level, s.masterLevel);
  return { ...row, agreement: a.kind, distance: a.distance, quality_delta: a.qualityDelta };
}
