import { createHmac, randomBytes } from 'node:crypto';
import { agreement, findCode, levelIndex, MQI_RUBRIC, scaleOf } from '@elevate/rubric';
import { ROLES, type Viewer } from '../domain/account';
import type { Cycle, CycleView } from '../domain/cycle';
import type { CycleRepository } from '../repositories/cycle.repository';
import type { DashboardRepository, ScoredCode } from '../repositories/dashboard.repository';
import type { AccessService } from './access.service';
import type { AuditService } from './audit.service';
import { csvLine } from './csv';
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
type Cell = string | number;

/** The columns from `code_id` on, for a cycle without a submitted stock score. */
const NO_SCORE: readonly Cell[] = RESEARCH_COLUMNS.slice(RESEARCH_COLUMNS.indexOf('code_id')).map(
  () => '',
);

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
    const comparison = memoized(compare);
    // Each record is written as it is made: a district's export is tens of thousands of rows.
    const lines = [csvLine(RESEARCH_COLUMNS)];
    for (const cycle of views) {
      const base: Cell[] = [
        pid('t', cycle.teacherId),
        pid('c', cycle.coachId),
        pid('y', cycle.id),
        cycle.number,
        cycle.createdAt.slice(0, 7),
        cycle.stage,
        cycle.focusCodeIds.join(' '),
        cycle.stockClipId ? pid('s', cycle.stockClipId) : '',
      ];
      const scored = scores.get(cycle.id) ?? [];
      if (scored.length === 0) lines.push(csvLine([...base, ...NO_SCORE]));
      for (const s of scored) lines.push(csvLine([...base, ...comparison(s)]));
    }
    const rows = lines.length - 1;
    await this.deps.audit.record({
      programId: viewer.programId,
      actorId: viewer.userId,
      action: 'program.research-exported',
      detail: { cycles: views.length, rows },
    });
    return `${lines.join('\r\n')}\r\n`;
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
 * same teacher join up) but cannot be linked across exports or back to the database. Each id
 * is hashed once per export.
 */
function pseudonymizer(): (prefix: string, id: string) => string {
  const salt = randomBytes(32);
  const known = new Map<string, string>();
  return (prefix, id) => {
    const key = `${prefix}:${id}`;
    let pid = known.get(key);
    if (pid === undefined) {
      pid = `${prefix}-${createHmac('sha256', salt).update(key).digest('hex').slice(0, 16)}`;
      known.set(key, pid);
    }
    return pid;
  };
}

function groupBy(scores: readonly ScoredCode[]): Map<string, ScoredCode[]> {
  const out = new Map<string, ScoredCode[]>();
  for (const s of scores) {
    const list = out.get(s.cycleId);
    if (list) list.push(s);
    else out.set(s.cycleId, [s]);
  }
  return out;
}

/** A comparison depends only on the code and the two levels: each is worked out once. */
function memoized(fn: (s: ScoredCode) => readonly Cell[]): (s: ScoredCode) => readonly Cell[] {
  const known = new Map<string, readonly Cell[]>();
  return (s) => {
    const key = `${s.codeId}\u0000${s.level}\u0000${s.masterLevel ?? ''}`;
    let cells = known.get(key);
    if (!cells) {
      cells = fn(s);
      known.set(key, cells);
    }
    return cells;
  };
}

/**
 * The columns from `code_id` on: the teacher's level beside the master's, with agreement
 * honouring the scale's direction.
 */
function compare(s: ScoredCode): readonly Cell[] {
  const code = findCode(MQI_RUBRIC, s.codeId);
  if (!code) return [s.codeId, '', '', '', '', '', '', '', '', ''];
  const scale = scaleOf(MQI_RUBRIC, code);
  const scoreOf = (level: string) => scale.levels[levelIndex(scale, level)]?.score ?? '';
  const teacher: Cell[] = [
    code.id,
    code.domainId ?? '',
    scale.direction,
    s.level,
    scoreOf(s.level),
  ];
  if (s.masterLevel === null) return [...teacher, '', '', '', '', ''];
  const master: Cell[] = [s.masterLevel, scoreOf(s.masterLevel)];
  if (levelIndex(scale, s.level) < 0 || levelIndex(scale, s.masterLevel) < 0)
    return [...teacher, ...master, '', '', ''];
  const a = agreement(MQI_RUBRIC, code.id, s.level, s.masterLevel);
  return [...teacher, ...master, a.kind, a.distance, a.qualityDelta];
}
