import { ROLES, type Viewer } from '../domain/account';
import { type CycleView, STAGE_ORDER, STAGES, type Stage } from '../domain/cycle';
import type { CaseloadRepository } from '../repositories/caseload.repository';
import type { CycleRepository } from '../repositories/cycle.repository';
import type { DashboardRepository, DashboardTeacher } from '../repositories/dashboard.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { AccessService } from './access.service';
import { type Attention, attentionFor, compareAttention } from './caseload-attention';
import type { CycleService } from './cycle.service';
import { denied } from './policy';
import { type TodoItem, teacherTodo } from './teacher-todo';

/** One teacher of a coach's caseload: their latest cycle and what it asks of the coach. */
export interface CaseloadEntry {
  teacher: { id: string; name: string };
  cycleCount: number;
  /** The teacher's latest cycle, whatever its stage; null before their first. */
  current: CycleView | null;
  /** No cycle is open (none yet, or the latest one's log is complete): the coach opens the next. */
  canOpenNext: boolean;
  attention: Attention;
}

export interface TeacherDashboard {
  /** The open cycle (the latest, unless its log is complete). */
  current: CycleView | null;
  todo: TodoItem[];
  /** Every other cycle, newest first. */
  history: CycleView[];
}

export interface ProgramTeacherRow {
  teacher: { id: string; name: string };
  coachName: string | null;
  cycleCount: number;
  current: Pick<
    CycleView,
    'id' | 'number' | 'stage' | 'isVideoOverdue' | 'videoDueOn' | 'meetingAt' | 'heldAt'
  > | null;
  /** The meeting time has passed and nobody marked the conversation held. */
  isMeetingOverdue: boolean;
}

export interface ProgramDashboard {
  teachers: ProgramTeacherRow[];
  /** Teachers' current cycles per stage (every stage present, 0 when none). */
  stageCounts: Record<Stage, number>;
  totals: {
    teachers: number;
    cycles: number;
    overdueVideos: number;
    overdueMeetings: number;
    withoutCoach: number;
  };
}

export interface TeacherOverview {
  teacher: { id: string; name: string };
  coach: { id: string; name: string } | null;
  /** Newest first. */
  cycles: CycleView[];
  /** The viewer runs this teacher's cycles and none is open. */
  canOpenNext: boolean;
}

/**
 * The three dashboards and the coach's view of one teacher. Stages always come from
 * CycleService.views(), and only for each teacher's latest cycle, so a caseload of any
 * size costs the same handful of queries.
 */
export class DashboardService {
  constructor(
    private readonly deps: {
      cycleService: CycleService;
      cycles: CycleRepository;
      dashboard: DashboardRepository;
      caseloads: CaseloadRepository;
      users: UserRepository;
      access: AccessService;
    },
  ) {}

  /** The coach's caseload, most urgent first. */
  async coach(viewer: Viewer, now = new Date()): Promise<CaseloadEntry[]> {
    this.deps.access.assertRole(viewer, ROLES.coach);
    const teachers = await this.deps.dashboard.teachers(viewer.programId, viewer.userId);
    const { latest, counts } = await this.latestCycles(viewer.programId, teachers);
    const entries = teachers.map((t): CaseloadEntry => {
      const current = latest.get(t.id) ?? null;
      return {
        teacher: { id: t.id, name: t.name },
        cycleCount: counts.get(t.id) ?? 0,
        current,
        canOpenNext: isClosed(current),
        attention: attentionFor(current, now),
      };
    });
    return entries.sort(compareAttention);
  }

  /** The teacher's own: the open cycle's to-do list, then the cycles before it. */
  async teacher(viewer: Viewer, now = new Date()): Promise<TeacherDashboard> {
    this.deps.access.assertRole(viewer, ROLES.teacher);
    const cycles = await this.deps.cycles.listForTeachers(viewer.programId, [viewer.userId]);
    const views = await this.deps.cycleService.views(cycles, now);
    const open = views[0] && !isClosed(views[0]) ? views[0] : null;
    return {
      current: open,
      todo: open ? teacherTodo(open) : [],
      history: open ? views.slice(1) : views,
    };
  }

  /** The admin's program at a glance: every teacher's current stage and what is overdue. */
  async program(viewer: Viewer, now = new Date()): Promise<ProgramDashboard> {
    this.deps.access.assertRole(viewer, ROLES.admin);
    const teachers = await this.deps.dashboard.teachers(viewer.programId);
    const { latest, counts } = await this.latestCycles(viewer.programId, teachers, now);
    const stageCounts = Object.fromEntries(STAGE_ORDER.map((s) => [s, 0])) as Record<Stage, number>;
    const rows = teachers.map((t): ProgramTeacherRow => {
      const c = latest.get(t.id);
      if (c) stageCounts[c.stage] += 1;
      return {
        teacher: { id: t.id, name: t.name },
        coachName: t.coachName,
        cycleCount: counts.get(t.id) ?? 0,
        current: c
          ? {
              id: c.id,
              number: c.number,
              stage: c.stage,
              isVideoOverdue: c.isVideoOverdue,
              videoDueOn: c.videoDueOn,
              meetingAt: c.meetingAt,
              heldAt: c.heldAt,
            }
          : null,
        isMeetingOverdue: c ? isMeetingOverdue(c, now) : false,
      };
    });
    return {
      teachers: rows,
      stageCounts,
      totals: {
        teachers: rows.length,
        cycles: [...counts.values()].reduce((a, b) => a + b, 0),
        overdueVideos: rows.filter((r) => r.current?.isVideoOverdue).length,
        overdueMeetings: rows.filter((r) => r.isMeetingOverdue).length,
        withoutCoach: teachers.filter((t) => !t.coachId).length,
      },
    };
  }

  /** One teacher for their coach or the program's admin (the teacher may read their own). */
  async teacherOverview(viewer: Viewer, teacherId: string): Promise<TeacherOverview> {
    const teacher = await this.deps.users.findById(teacherId);
    if (!teacher || teacher.role !== ROLES.teacher) throw denied('Teacher');
    const resource = { kind: 'cycle', programId: teacher.programId, teacherId } as const;
    await this.deps.access.assert(viewer, 'read', resource, 'Teacher');
    const cycles = await this.deps.cycles.listForTeachers(teacher.programId, [teacherId]);
    const views = await this.deps.cycleService.views(cycles);
    const mayRun = await this.deps.access.can(viewer, 'write', resource);
    const coachId = (await this.deps.caseloads.currentFor(teacherId))?.coachId ?? null;
    const names = coachId ? await this.deps.cycles.namesOf([coachId]) : new Map();
    return {
      teacher: { id: teacher.id, name: teacher.name },
      coach: coachId ? { id: coachId, name: names.get(coachId) ?? '' } : null,
      cycles: views,
      canOpenNext: mayRun && isClosed(views[0] ?? null),
    };
  }

  /** Each teacher's latest cycle as a view, and how many cycles each has had. */
  private async latestCycles(
    programId: string,
    teachers: readonly DashboardTeacher[],
    now = new Date(),
  ) {
    const all = await this.deps.cycles.listForTeachers(
      programId,
      teachers.map((t) => t.id),
    );
    const counts = new Map<string, number>();
    const newest = new Map<string, (typeof all)[number]>();
    for (const cycle of all) {
      counts.set(cycle.teacherId, (counts.get(cycle.teacherId) ?? 0) + 1);
      const seen = newest.get(cycle.teacherId);
      if (!seen || cycle.number > seen.number) newest.set(cycle.teacherId, cycle);
    }
    const views = await this.deps.cycleService.views([...newest.values()], now);
    return { latest: new Map(views.map((v) => [v.teacherId, v])), counts };
  }
}

/** No cycle open: none yet, or the latest one's log is complete. */
function isClosed(cycle: CycleView | null): boolean {
  return !cycle || cycle.stage === STAGES.logComplete;
}

function isMeetingOverdue(c: CycleView, now: Date): boolean {
  return (
    c.meetingAt !== null &&
    Date.parse(c.meetingAt) < now.getTime() &&
    c.heldAt === null &&
    c.stage !== STAGES.logComplete
  );
}
