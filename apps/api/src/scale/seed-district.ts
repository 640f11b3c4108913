import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { AppContext } from '../context';
import { ROLES } from '../domain/account';

// A benchmark fixture, not product code: a whole district written straight into the
// tables in large multi-row inserts, in transactions. Only the handful of accounts people
// sign in with go through the app's own setup service (so their passwords work); every
// other user is a plain row without a credential.

/** Bump when the shape of the seeded data changes: cached seeds of an older version are redone. */
export const SEED_VERSION = 1;
export const SCALE_PASSWORD = 'elevate-scale-2026';
export const SCALE_EMAIL_DOMAIN = 'district.elevate.test';

export interface DistrictOptions {
  teachers: number;
  teachersPerCoach: number;
  cyclesPerTeacher: number;
  annotationsPerLesson: number;
  stockClips: number;
}

export const DEFAULT_DISTRICT: DistrictOptions = {
  teachers: 1000,
  teachersPerCoach: 20,
  cyclesPerTeacher: 15,
  annotationsPerLesson: 60,
  stockClips: 200,
};

/** What a benchmark needs to know about a seeded district. */
export interface DistrictSeed {
  version: number;
  programId: string;
  programName: string;
  password: string;
  /** Accounts with a password: the admin, two coaches, one teacher of each. */
  accounts: {
    admin: string;
    coaches: string[];
    teachers: string[];
  };
  ids: { adminId: string; coachIds: string[]; teacherIds: string[] };
  counts: Record<string, number>;
  /** Seconds the seeding took (0 when an existing seed was found). */
  seconds: number;
  reused: boolean;
}

export const emailOf = (kind: 'coach' | 'teacher', n: number) =>
  `${kind}${String(n + 1).padStart(4, '0')}@${SCALE_EMAIL_DOMAIN}`;
const ADMIN_EMAIL = `admin@${SCALE_EMAIL_DOMAIN}`;

export function programNameFor(o: DistrictOptions): string {
  return `Scale district v${SEED_VERSION}: ${o.teachers} teachers, ${o.teachersPerCoach} per coach, ${o.cyclesPerTeacher} cycles, ${o.annotationsPerLesson} annotations per lesson, ${o.stockClips} stock clips`;
}

const COUNTED_TABLES = [
  'auth_user',
  'caseload',
  'lesson',
  'clip',
  'annotation',
  'annotation_reply',
  'cycle',
  'cycle_assignment',
  'stock_clip',
  'master_score',
  'stock_score',
  'collab_log',
  'log_version',
  'goal',
  'watch_progress',
] as const;

export async function countRows(db: AnyDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The district seeded with these options, when the database holds it already. */
export async function findDistrict(
  ctx: AppContext,
  options: DistrictOptions,
): Promise<DistrictSeed | undefined> {
  const db = ctx.db as unknown as AnyDb;
  const programs = await db.selectFrom('program').select(['id', 'name']).execute();
  if (programs.length === 0) return undefined;
  const name = programNameFor(options);
  const program = programs.find((p) => p.name === name);
  if (!program || programs.length > 1) {
    throw new Error(
      `This database holds another program (${programs.map((p) => p.name).join('; ')}), not "${name}": seed into an empty database.`,
    );
  }
  const accounts = signInAccounts(options);
  const emails = [accounts.admin, ...accounts.coaches, ...accounts.teachers];
  const users = await db
    .selectFrom('auth_user')
    .select(['id', 'email'])
    .where('email', 'in', emails)
    .execute();
  const idOf = new Map(users.map((u) => [u.email as string, u.id as string]));
  const id = (email: string) => {
    const found = idOf.get(email);
    if (!found) throw new Error(`the seeded district has no ${email}: seed it again`);
    return found;
  };
  return {
    version: SEED_VERSION,
    programId: program.id,
    programName: name,
    password: SCALE_PASSWORD,
    accounts,
    ids: {
      adminId: id(accounts.admin),
      coachIds: accounts.coaches.map(id),
      teacherIds: accounts.teachers.map(id),
    },
    counts: await countRows(db),
    seconds: 0,
    reused: true,
  };
}

/** Coaches 1 and 2, and the first teacher of each one's caseload. */
function signInAccounts(o: DistrictOptions) {
  const coachCount = Math.ceil(o.teachers / o.teachersPerCoach);
  const coaches = [0, 1].filter((c) => c < coachCount);
  return {
    admin: ADMIN_EMAIL,
    coaches: coaches.map((c) => emailOf('coach', c)),
    teachers: coaches
      .map((c) => c * o.teachersPerCoach)
      .filter((t) => t < o.teachers)
      .map((t) => emailOf('teacher', t)),
  };
}

const CODES = ['LINK', 'EXPL', 'SENSE', 'REMED', 'USEPROD', 'STEXPL', 'SMQR', 'TCD', 'MLANG'];
const LEVELS = ['not-present', 'low', 'mid', 'high'];
const TOPICS = [
  'Comparing fractions',
  'Ratio tables',
  'Linear equations',
  'Area of triangles',
  'Place value',
  'Proportional reasoning',
  'Integer operations',
  'Slope as rate of change',
];
const GRADES = ['3', '4', '5', '6', '7', '8'];
const DAY_MS = 86_400_000;
/** Rows per INSERT stay under SQLite's 32,766 bound parameters (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;
/** Teachers written per transaction (about 20,000 annotations with the defaults). */
const TEACHERS_PER_TRANSACTION = 25;

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: a fixture writes rows of every table by name
type AnyDb = Kysely<any>;

async function insertRows(db: AnyDb, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0] as Row).length));
  for (let i = 0; i < rows.length; i += perInsert) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perInsert) as Row[])
      .execute();
  }
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/**
 * Seeds the district into an empty database (migrated). `log` hears progress. Returns
 * what the benchmark needs: the program, the accounts with passwords, row counts.
 */
export async function seedDistrict(
  ctx: AppContext,
  options: DistrictOptions,
  log: (line: string) => void = () => {},
): Promise<DistrictSeed> {
  const started = performance.now();
  const db = ctx.db as unknown as AnyDb;
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (await ctx.services.setup.hasAnyProgram()) {
    throw new Error('seedDistrict needs an empty database');
  }
  const o = options;
  const coachCount = Math.ceil(o.teachers / o.teachersPerCoach);
  const now = Date.now();
  const name = programNameFor(o);
  // Named for what it is only once complete: a seed cut short is never taken for a whole one.
  const program = await ctx.repositories.programs.create(`${name} (seeding)`);
  const accounts = signInAccounts(o);

  // The accounts people sign in with, through the app's own setup service.
  const setup = ctx.services.setup;
  const create = (email: string, role: string, displayName: string) =>
    setup.createAccount(program.id, {
      email,
      name: displayName,
      role: role as (typeof ROLES)[keyof typeof ROLES],
      password: SCALE_PASSWORD,
    });
  const adminId = await create(ADMIN_EMAIL, ROLES.admin, 'District Admin');
  const coachIds: string[] = [];
  for (let c = 0; c < coachCount; c++) coachIds.push('');
  const teacherIds: string[] = [];
  for (let t = 0; t < o.teachers; t++) teacherIds.push('');
  for (const email of accounts.coaches) {
    const c = Number(email.slice(5, 9)) - 1;
    coachIds[c] = await create(email, ROLES.coach, coachName(c));
  }
  for (const email of accounts.teachers) {
    const t = Number(email.slice(7, 11)) - 1;
    teacherIds[t] = await create(email, ROLES.teacher, teacherName(t));
  }

  // Everyone else: plain rows (no credential).
  const stamp = iso(now - 400 * DAY_MS);
  const userRows: Row[] = [];
  const userRow = (id: string, email: string, role: string, displayName: string): Row => ({
    id,
    name: displayName,
    email,
    emailVerified: isPostgres ? false : 0,
    image: null,
    createdAt: stamp,
    updatedAt: stamp,
    programId: program.id,
    role,
    timeZone: 'UTC',
    deactivatedAt: null,
  });
  for (let c = 0; c < coachCount; c++) {
    if (coachIds[c]) continue;
    coachIds[c] = crypto.randomUUID();
    userRows.push(userRow(coachIds[c] as string, emailOf('coach', c), ROLES.coach, coachName(c)));
  }
  for (let t = 0; t < o.teachers; t++) {
    if (teacherIds[t]) continue;
    teacherIds[t] = crypto.randomUUID();
    userRows.push(
      userRow(teacherIds[t] as string, emailOf('teacher', t), ROLES.teacher, teacherName(t)),
    );
  }
  const coachOf = (t: number) => coachIds[Math.floor(t / o.teachersPerCoach)] as string;

  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'auth_user', userRows);
    // Caseloads: every teacher with their coach; one in ten had another coach before.
    const caseloads: Row[] = [];
    for (let t = 0; t < o.teachers; t++) {
      const teacherId = teacherIds[t] as string;
      const since = now - 380 * DAY_MS;
      if (t % 10 === 5 && coachCount > 1) {
        const before = coachIds[(Math.floor(t / o.teachersPerCoach) + 1) % coachCount] as string;
        caseloads.push(caseloadRow(program.id, before, teacherId, since - 200 * DAY_MS, since));
      }
      caseloads.push(caseloadRow(program.id, coachOf(t), teacherId, since, null));
    }
    await insertRows(trx, 'caseload', caseloads);
  });
  function caseloadRow(
    programId: string,
    coachId: string,
    teacherId: string,
    from: number,
    to: number | null,
  ): Row {
    return {
      id: crypto.randomUUID(),
      program_id: programId,
      coach_id: coachId,
      teacher_id: teacherId,
      starts_at: iso(from),
      ends_at: to === null ? null : iso(to),
      assigned_by: adminId,
    };
  }
  log(
    `users and caseloads: ${userRows.length + 1 + accounts.coaches.length + accounts.teachers.length} users`,
  );

  // The stock-clip library: each clip's video rides on a lesson of the admin, with three
  // master scores.
  const stockClips: { id: string; codes: string[] }[] = [];
  await db.transaction().execute(async (trx) => {
    const lessons: Row[] = [];
    const clips: Row[] = [];
    const masters: Row[] = [];
    for (let s = 0; s < o.stockClips; s++) {
      const lessonId = crypto.randomUUID();
      const at = iso(now - (300 - (s % 200)) * DAY_MS);
      const topic = pick(TOPICS, s);
      lessons.push(
        lessonRow(lessonId, program.id, adminId, `Stock clip ${s + 1}: ${topic}`, at, s, 300_000),
      );
      const codes = [pick(CODES, s), pick(CODES, s + 3), pick(CODES, s + 6)];
      const id = crypto.randomUUID();
      stockClips.push({ id, codes });
      clips.push({
        id,
        program_id: program.id,
        pseudonym: `Teacher ${String.fromCharCode(65 + (s % 26))}.`,
        title: `${topic} (${s + 1})`,
        grade: pick(GRADES, s),
        topic,
        code_ids: JSON.stringify(codes),
        is_placeholder: 0,
        created_at: at,
        lesson_id: lessonId,
        description: `A five-minute segment of a grade ${pick(GRADES, s)} lesson on ${topic.toLowerCase()}.`,
      });
      for (const [i, code] of codes.entries()) {
        masters.push({
          stock_clip_id: id,
          code_id: code,
          level: pick(LEVELS, s + i),
          rationale: `Master rationale for ${code}: what the students and the teacher do in the segment.`,
        });
      }
    }
    await insertRows(trx, 'lesson', lessons);
    await insertRows(trx, 'stock_clip', clips);
    await insertRows(trx, 'master_score', masters);
  });
  log(`stock clips: ${stockClips.length}`);

  // Goals: three per teacher, the oldest archived.
  const goalsOf: string[][] = [];
  await db.transaction().execute(async (trx) => {
    const goals: Row[] = [];
    for (let t = 0; t < o.teachers; t++) {
      const ids: string[] = [];
      for (let g = 0; g < 3; g++) {
        const id = crypto.randomUUID();
        const at = iso(now - (360 - g * 60) * DAY_MS);
        goals.push({
          id,
          program_id: program.id,
          teacher_id: teacherIds[t],
          code_id: pick(CODES, t + g),
          text: `Goal ${g + 1}: students explain why their strategy works, using ${pick(TOPICS, t + g).toLowerCase()}.`,
          created_by: coachOf(t),
          created_at: at,
          updated_at: at,
          archived_at: g === 0 ? iso(now - 200 * DAY_MS) : null,
        });
        if (g > 0) ids.push(id);
      }
      goalsOf.push(ids);
    }
    await insertRows(trx, 'goal', goals);
  });
  log(`goals: ${o.teachers * 3}`);

  // Cycles, each with a lesson, two clips, annotations, replies and what its stage needs.
  const seedStart = performance.now();
  for (let from = 0; from < o.teachers; from += TEACHERS_PER_TRANSACTION) {
    const to = Math.min(o.teachers, from + TEACHERS_PER_TRANSACTION);
    const rows = cycleRows(from, to);
    await db.transaction().execute(async (trx) => {
      for (const [table, list] of Object.entries(rows)) await insertRows(trx, table, list);
    });
    if (to % 100 === 0 || to === o.teachers) {
      const seconds = (performance.now() - seedStart) / 1000;
      log(`cycles: ${to}/${o.teachers} teachers (${seconds.toFixed(0)} s)`);
    }
  }

  function cycleRows(from: number, to: number): Record<string, Row[]> {
    const out: Record<string, Row[]> = {
      lesson: [],
      cycle: [],
      clip: [],
      annotation: [],
      annotation_reply: [],
      cycle_assignment: [],
      stock_score: [],
      collab_log: [],
      log_version: [],
      watch_progress: [],
    };
    const push = (table: string, row: Row) => (out[table] as Row[]).push(row);
    for (let t = from; t < to; t++) {
      const teacherId = teacherIds[t] as string;
      const coachId = coachOf(t);
      for (let n = 1; n <= o.cyclesPerTeacher; n++) {
        const k = t * o.cyclesPerTeacher + n;
        const latest = n === o.cyclesPerTeacher;
        // Two weeks a cycle; the latest opened a few days ago.
        const opened = now - ((o.cyclesPerTeacher - n) * 14 + 3 + (t % 3)) * DAY_MS;
        // The latest cycle's stage varies by teacher: preparing, assigned, ready, held, done.
        const step = latest ? t % 5 : 4;
        const cycleId = crypto.randomUUID();
        const lessonId = crypto.randomUUID();
        const duration = 2_400_000 + (k % 17) * 60_000;
        const topic = pick(TOPICS, k);
        const focus = [pick(CODES, k), pick(CODES, k + 4)];
        push(
          'lesson',
          lessonRow(
            lessonId,
            program.id,
            teacherId,
            `Lesson ${n}: ${topic}`,
            iso(opened + DAY_MS),
            k,
            duration,
            focus,
          ),
        );
        const stock = k % 8 !== 0 ? pick(stockClips, k) : undefined;
        const assigned = step >= 1;
        const scored = stock !== undefined && step >= 2;
        const held = step >= 3;
        const done = step >= 4;
        push('cycle', {
          id: cycleId,
          program_id: program.id,
          teacher_id: teacherId,
          coach_id: coachId,
          number: n,
          focus_code_ids: JSON.stringify(focus),
          goal_ids: JSON.stringify(goalsOf[t]),
          lesson_id: lessonId,
          stock_clip_id: stock?.id ?? null,
          stock_code_ids: JSON.stringify(stock?.codes ?? []),
          video_due_on: day(opened + 5 * DAY_MS),
          meeting_at: iso(opened + 10 * DAY_MS),
          held_at: held ? iso(opened + 10 * DAY_MS) : null,
          created_at: iso(opened),
          updated_at: iso(opened + (held ? 10 : 2) * DAY_MS),
        });
        const clip1 = Math.floor(duration * 0.2);
        const clip2 = Math.floor(duration * 0.6);
        for (const [i, start] of [clip1, clip2].entries()) {
          push('clip', {
            id: crypto.randomUUID(),
            lesson_id: lessonId,
            position: i + 1,
            start_ms: start,
            end_ms: start + 300_000,
            summary: `Clip ${i + 1}: students share strategies for ${topic.toLowerCase()}.`,
            reason: 'Shows the focus codes at work; worth talking about together.',
            created_by: coachId,
            created_at: iso(opened + 2 * DAY_MS),
            updated_at: iso(opened + 2 * DAY_MS),
          });
        }
        for (let a = 0; a < o.annotationsPerLesson; a++) {
          const id = crypto.randomUUID();
          const start = Math.floor((a / o.annotationsPerLesson) * (duration - 20_000));
          const isPrivate = a % 6 === 0;
          const at = iso(opened + 2 * DAY_MS + a * 60_000);
          push('annotation', {
            id,
            lesson_id: lessonId,
            author_id: coachId,
            visibility: isPrivate ? 'private' : 'public',
            start_ms: start,
            end_ms: a % 3 === 0 ? null : start + 15_000,
            body: `Note ${a + 1}: students compare strategies and the teacher asks why the representation works.`,
            code_ids: JSON.stringify(
              a % 4 === 0 ? [pick(CODES, a), pick(CODES, a + 1)] : [pick(CODES, a)],
            ),
            teacher_does:
              a % 5 === 0 ? 'Asks a student to restate the idea in their own words.' : null,
            students_do: a % 5 === 0 ? 'Explain their reasoning to a partner.' : null,
            rubric_relation: null,
            created_at: at,
            updated_at: at,
          });
          if (!isPrivate && a % 6 === 1 && assigned) {
            const replyAt = iso(opened + 4 * DAY_MS + a * 60_000);
            push('annotation_reply', {
              id: crypto.randomUUID(),
              annotation_id: id,
              lesson_id: lessonId,
              author_id: teacherId,
              body: `I noticed this too: next time I will ask them to explain it first (${a + 1}).`,
              created_at: replyAt,
              updated_at: replyAt,
            });
          }
        }
        if (assigned) {
          push('cycle_assignment', {
            cycle_id: cycleId,
            sent_by: coachId,
            to_email: emailOf('teacher', t),
            subject: `Cycle ${n}: your clips are ready`,
            body: 'Please watch the two clips before our meeting, read my notes and score the stock clip. See you soon.',
            outbox_id: null,
            sent_at: iso(opened + 3 * DAY_MS),
          });
        }
        if (scored && stock) {
          for (const [i, code] of stock.codes.entries()) {
            push('stock_score', {
              cycle_id: cycleId,
              code_id: code,
              level: pick(LEVELS, k + i),
              reason: 'What I saw the students do in the clip.',
              submitted_at: iso(opened + 6 * DAY_MS),
              updated_at: iso(opened + 6 * DAY_MS),
            });
          }
        }
        if (step >= 2) {
          push('watch_progress', {
            lesson_id: lessonId,
            user_id: teacherId,
            intervals: JSON.stringify([
              [clip1, clip1 + 300_000],
              [clip2, clip2 + 300_000],
            ]),
            updated_at: iso(opened + 5 * DAY_MS),
          });
        }
        if (held) {
          const fields = {
            conversationDate: day(opened + 10 * DAY_MS),
            lessonDate: day(opened + DAY_MS),
            focusCodeIds: focus,
            highlights: 'Students explained their strategies; the number line helped.',
            summary: 'We talked about asking why before how, and about wait time.',
            teacherNextStep: 'Ask every pair to justify one answer aloud.',
            coachNextSteps: 'Find a stock clip on justification.',
            nextVideoDueOn: day(opened + 19 * DAY_MS),
            nextMeetingAt: iso(opened + 24 * DAY_MS),
            goalIds: goalsOf[t],
            links: [],
          };
          const draft = { ...fields, summary: '', teacherNextStep: '' };
          const at = iso(opened + 10 * DAY_MS);
          push('log_version', {
            cycle_id: cycleId,
            version: 1,
            fields: JSON.stringify(draft),
            author_id: coachId,
            created_at: at,
          });
          if (done) {
            push('log_version', {
              cycle_id: cycleId,
              version: 2,
              fields: JSON.stringify(fields),
              author_id: teacherId,
              created_at: iso(opened + 11 * DAY_MS),
            });
          }
          push('collab_log', {
            cycle_id: cycleId,
            version: done ? 2 : 1,
            fields: JSON.stringify(done ? fields : draft),
            completed_at: done ? iso(opened + 11 * DAY_MS) : null,
            updated_by: done ? teacherId : coachId,
            updated_at: done ? iso(opened + 11 * DAY_MS) : at,
          });
        }
      }
    }
    return out;
  }

  if (isPostgres) {
    // What autovacuum would do after a bulk load: statistics and the visibility map.
    await sql`vacuum analyze`.execute(db);
  }
  await db.updateTable('program').set({ name }).where('id', '=', program.id).execute();
  const counts = await countRows(db);
  const seconds = (performance.now() - started) / 1000;
  log(`seeded in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}`);
  const idOf = (email: string) =>
    email.startsWith('coach')
      ? (coachIds[Number(email.slice(5, 9)) - 1] as string)
      : (teacherIds[Number(email.slice(7, 11)) - 1] as string);
  return {
    version: SEED_VERSION,
    programId: program.id,
    programName: name,
    password: SCALE_PASSWORD,
    accounts,
    ids: {
      adminId,
      coachIds: accounts.coaches.map(idOf),
      teacherIds: accounts.teachers.map(idOf),
    },
    counts,
    seconds,
    reused: false,
  };
}

function lessonRow(
  id: string,
  programId: string,
  teacherId: string,
  title: string,
  at: string,
  k: number,
  duration: number,
  focus: string[] = [],
): Row {
  return {
    id,
    program_id: programId,
    teacher_id: teacherId,
    title,
    taught_on: at.slice(0, 10),
    grade: pick(GRADES, k),
    topic: pick(TOPICS, k),
    focus_code_ids: JSON.stringify(focus),
    consent_at: at,
    state: 'ready',
    state_reason: null,
    progress: 100,
    duration_ms: duration,
    created_at: at,
    updated_at: at,
  };
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jo'];
const LAST = ['Okafor', 'Schmidt', 'Nguyen', 'Garcia', 'Kowalski', 'Haddad', 'Silva', 'Tanaka'];
function teacherName(t: number): string {
  return `${pick(FIRST, t)} ${pick(LAST, Math.floor(t / FIRST.length))} ${t + 1}`;
}
function coachName(c: number): string {
  return `Coach ${pick(LAST, c)} ${c + 1}`;
}
