import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresAdapter,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { AppContext } from '../context';
import type { Db } from '../db/database';
import type { Cycle } from '../domain/cycle';
import { CaseloadRepository } from '../repositories/caseload.repository';
import { CycleRepository } from '../repositories/cycle.repository';
import { DashboardRepository } from '../repositories/dashboard.repository';
import { LessonRepository } from '../repositories/lesson.repository';
import { ReviewRepository } from '../repositories/review.repository';
import { StockClipRepository } from '../repositories/stock-clip.repository';
import { UserRepository } from '../repositories/user.repository';
import type { DistrictSeed } from './seed-district';

/** One distinct query an endpoint makes, with its plan. */
export interface PlannedQuery {
  endpoint: string;
  sql: string;
  parameters: number;
  /** How long the repository's own run of it took, in this process. */
  ms: number;
  plan: string[];
  /** Indexes the plan reads (primary keys included). */
  indexes: string[];
  /** Whole-table scans and sorts the plan does. */
  scans: string[];
}

interface Recorded {
  endpoint: string;
  node: RootOperationNode;
  started: number;
  ms: number;
}

/** Keeps every query node the repositories build, and how long each took to run. */
class Recorder implements KyselyPlugin {
  endpoint = '';
  readonly queries: Recorded[] = [];
  private readonly open = new WeakMap<object, Recorded>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const entry = { endpoint: this.endpoint, node: args.node, started: performance.now(), ms: 0 };
    this.queries.push(entry);
    this.open.set(args.queryId, entry);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const entry = this.open.get(args.queryId);
    if (entry) entry.ms = performance.now() - entry.started;
    return args.result;
  }
}

export const ENDPOINTS = {
  session: 'every request: the session (better-auth, equivalent queries)',
  coach: 'GET /api/dashboard/coach',
  teacher: 'GET /api/dashboard/teacher',
  timeline: 'GET /api/lessons/:id/timeline (as the coach)',
  export: 'GET /api/research-export.csv (first slice of 500 cycles shown)',
} as const;

/**
 * Runs the repository calls the benchmarked endpoints make, in the services' order, for
 * the seeded district's first coach and teacher, and explains each distinct query:
 * EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE) on PostgreSQL.
 */
export async function explainDistrict(
  ctx: AppContext,
  seed: DistrictSeed,
): Promise<PlannedQuery[]> {
  const recorder = new Recorder();
  const db: Db = ctx.db.withPlugin(recorder);
  const dashboard = new DashboardRepository(db);
  const cycles = new CycleRepository(db);
  const review = new ReviewRepository(db);
  const caseloads = new CaseloadRepository(db);
  const stockClips = new StockClipRepository(db);
  const lessons = new LessonRepository(db);
  const users = new UserRepository(db);
  const programId = seed.programId;
  const [coachId] = seed.ids.coachIds as [string];
  const [teacherId] = seed.ids.teacherIds as [string];

  recorder.endpoint = ENDPOINTS.session;
  const session = await db
    .selectFrom('auth_session')
    .selectAll()
    .where('userId', '=', coachId)
    .executeTakeFirst();
  await db
    .selectFrom('auth_session')
    .selectAll()
    .where('token', '=', session?.token ?? 'none')
    .executeTakeFirst();
  await db.selectFrom('auth_user').selectAll().where('id', '=', coachId).executeTakeFirst();
  recorder.queries.shift(); // only to find a token

  // DashboardService.coach
  recorder.endpoint = ENDPOINTS.coach;
  const teachers = await dashboard.teachers(programId, coachId);
  const all = await cycles.listForTeachers(
    programId,
    teachers.map((t) => t.id),
  );
  const newest = new Map<string, Cycle>();
  for (const c of all) {
    const seen = newest.get(c.teacherId);
    if (!seen || c.number > seen.number) newest.set(c.teacherId, c);
  }
  await views([...newest.values()]);

  // DashboardService.teacher
  recorder.endpoint = ENDPOINTS.teacher;
  const own = await cycles.listForTeachers(programId, [teacherId]);
  await views(own);

  // ReviewService.timeline, for the teacher's latest lesson, as their coach
  recorder.endpoint = ENDPOINTS.timeline;
  const lessonId = own[0]?.lessonId;
  if (lessonId) {
    const lesson = await lessons.findById(lessonId);
    await stockClips.findByLesson(lessonId);
    await caseloads.isCurrentCoach(coachId, lesson?.teacherId ?? teacherId);
    await review.clips(lessonId);
    await review.annotations(lessonId, coachId);
    await users.findById(lesson?.teacherId ?? teacherId);
  }

  // ResearchExportService.csv (views in slices of 500: the first slice stands for all)
  recorder.endpoint = ENDPOINTS.export;
  const program = await cycles.listForProgram(programId);
  await views(program.slice(0, 500));
  await dashboard.submittedScores(programId);

  async function views(list: readonly Cycle[]) {
    await cycles.facts(list);
    await cycles.namesOf([...new Set(list.flatMap((c) => [c.teacherId, c.coachId]))]);
  }

  const isPostgres = ctx.db.getExecutor().adapter instanceof PostgresAdapter;
  const executor = ctx.db.getExecutor();
  const seen = new Set<string>();
  const out: PlannedQuery[] = [];
  for (const q of recorder.queries) {
    const compiled = executor.compileQuery(q.node, { queryId: `plan-${out.length}` });
    const key = `${q.endpoint}\n${compiled.sql}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const plan = isPostgres
      ? await explainPostgres(ctx, compiled.sql, compiled.parameters)
      : await explainSqlite(ctx, compiled.sql, compiled.parameters);
    out.push({
      endpoint: q.endpoint,
      sql: shorten(compiled.sql),
      parameters: compiled.parameters.length,
      ms: q.ms,
      plan,
      ...summarize(plan, isPostgres),
    });
  }
  return out;
}

async function explainSqlite(ctx: AppContext, text: string, parameters: readonly unknown[]) {
  const { rows } = await ctx.db.executeQuery<{ id: number; parent: number; detail: string }>(
    CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
  );
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

async function explainPostgres(ctx: AppContext, text: string, parameters: readonly unknown[]) {
  const { rows } = await ctx.db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, timing off) ${text}`, [...parameters]),
  );
  return rows.map((r) => r['QUERY PLAN']);
}

function summarize(plan: readonly string[], isPostgres: boolean) {
  const indexes = new Set<string>();
  const scans = new Set<string>();
  for (const line of plan) {
    if (isPostgres) {
      const index = /(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/.exec(
        line,
      );
      if (index) indexes.add(index[1] as string);
      const seq = /Seq Scan on (\S+)/.exec(line);
      if (seq) scans.add(`seq scan ${seq[1]}`);
      const sort = /Sort Key: (.+)$/.exec(line);
      if (sort) scans.add(`sort (${sort[1]?.trim()})`);
    } else {
      const index = /USING (?:COVERING )?INDEX (\S+)|USING (INTEGER PRIMARY KEY)/.exec(line);
      if (index) indexes.add((index[1] ?? index[2]) as string);
      const scan = /^\s*SCAN (\S+)(.*)$/.exec(line);
      if (scan && !/USING/.test(scan[2] ?? '')) scans.add(`full scan ${scan[1]}`);
      if (scan && /USING/.test(scan[2] ?? '')) scans.add(`index scan (all rows) ${scan[1]}`);
      if (/TEMP B-TREE/.test(line)) scans.add(line.trim().toLowerCase());
    }
  }
  return { indexes: [...indexes], scans: [...scans] };
}

/** The SQL on one line, long IN lists folded. */
function shorten(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\((?:(?:\?|\$\d+), ){3,}(?:\?|\$\d+)\)/g, (m) => `(${m.split(',').length} values)`);
}

/** The plans as text, one block per query, grouped by endpoint. */
export function formatPlans(planned: readonly PlannedQuery[]): string {
  const lines: string[] = [];
  let endpoint = '';
  for (const [i, q] of planned.entries()) {
    if (q.endpoint !== endpoint) {
      endpoint = q.endpoint;
      lines.push('', `## ${endpoint}`);
    }
    lines.push(`[${i + 1}] ${q.ms.toFixed(1)} ms, ${q.parameters} parameters: ${q.sql}`);
    for (const line of q.plan) lines.push(`      ${line}`);
    lines.push(
      `    => indexes: ${q.indexes.join(', ') || 'none'}${q.scans.length ? ` | ${q.scans.join('; ')}` : ''}`,
    );
  }
  return lines.join('\n');
}
