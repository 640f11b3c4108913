import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../domain/account';
import { Agent } from './agent';
import { createTestApi, type TestApi } from './test-api';
import { cloneTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery';
const AUTH_SECRET = 'test-secret-that-is-long-enough-0123456789';

export const PERSONAS = [
  'anonymous',
  'teacherOwner',
  'otherTeacher',
  'coach',
  'otherCoach',
  'admin',
  'foreignAdmin',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** Facts about a seeded world that tests refer to by name. */
export interface WorldFacts {
  programId: string;
  foreignProgramId: string;
  users: Record<Exclude<Persona, 'anonymous'> | 'invitee', { id: string; email: string }>;
  cookies: Record<Exclude<Persona, 'anonymous'>, string>;
  invitationToken: string;
  /** A lesson of teacherOwner, with an upload in progress. */
  lessonId: string;
  uploadId: string;
  /** A processed 45-minute lesson of teacherOwner with clip 1, a public annotation (with
   * the teacher's reply) and a private note of the coach. */
  readyLessonId: string;
  annotationId: string;
  privateAnnotationId: string;
  replyId: string;
  /** teacherOwner's cycle 1, run by coach, reviewing readyLessonId, with stockClipId to score. */
  cycleId: string;
  stockClipId: string;
}

let template: { dir: string; facts: WorldFacts } | undefined;

/**
 * Two programs: one with an admin, two coaches each with a teacher, and an invited
 * user; another with its own admin. Every persona is signed in. Built once per test
 * file, then copied file-wise for each test that wants a fresh one.
 */
async function buildTemplate(): Promise<{ dir: string; facts: WorldFacts }> {
  const api = await createTestApi({ AUTH_SECRET });
  const { setup } = api.ctx.services;
  const mk = async (programId: string, role: Role, email: string, name: string) => ({
    id: await setup.createAccount(programId, { email, name, role, password: TEST_PASSWORD }),
    email,
  });
  const { program, adminId } = await setup.createProgramWithAdmin('North District', {
    email: 'admin@north.test',
    name: 'Nora Admin',
    password: TEST_PASSWORD,
  });
  const foreign = await setup.createProgramWithAdmin('South District', {
    email: 'admin@south.test',
    name: 'Sam Admin',
    password: TEST_PASSWORD,
  });
  const users = {
    admin: { id: adminId, email: 'admin@north.test' },
    foreignAdmin: { id: foreign.adminId, email: 'admin@south.test' },
    coach: await mk(program.id, 'coach', 'coach@north.test', 'Cole Coach'),
    otherCoach: await mk(program.id, 'coach', 'coach2@north.test', 'Cat Coach'),
    teacherOwner: await mk(program.id, 'teacher', 'teacher@north.test', 'Tina Teacher'),
    otherTeacher: await mk(program.id, 'teacher', 'teacher2@north.test', 'Tom Teacher'),
  };
  const caseloads = api.ctx.repositories.caseloads;
  for (const [coach, teacher] of [
    ['coach', 'teacherOwner'],
    ['otherCoach', 'otherTeacher'],
  ] as const) {
    await caseloads.assign({
      programId: program.id,
      coachId: users[coach].id,
      teacherId: users[teacher].id,
      assignedBy: adminId,
    });
  }
  const cookies = {} as WorldFacts['cookies'];
  for (const [persona, user] of Object.entries(users)) {
    const agent = await new Agent(api.app).signIn(user.email, TEST_PASSWORD);
    cookies[persona as keyof typeof cookies] = agent.cookie as string;
  }
  const adminAgent = new Agent(api.app, cookies.admin);
  const { body } = await adminAgent.call<{ user: { id: string } }>('POST', '/api/users', 201, {
    json: { email: 'new.teacher@north.test', name: 'Nia New', role: 'teacher' },
  });
  const teacherAgent = new Agent(api.app, cookies.teacherOwner);
  const { body: lesson } = await teacherAgent.call<{ id: string }>('POST', '/api/lessons', 201, {
    json: {
      title: 'Fractions on a number line',
      taughtOn: '2026-11-02',
      grade: '4',
      topic: 'Fractions',
      focusCodeIds: ['STEXPL'],
      consent: true,
    },
  });
  const { body: started } = await teacherAgent.call<{ upload: { id: string } }>(
    'POST',
    `/api/lessons/${lesson.id}/upload`,
    201,
    { json: { fileName: 'lesson.mp4', size: 1000, contentType: 'video/mp4' } },
  );
  const { body: ready } = await teacherAgent.call<{ id: string }>('POST', '/api/lessons', 201, {
    json: {
      title: 'Comparing fractions',
      taughtOn: '2026-10-20',
      grade: '4',
      topic: 'Fractions',
      consent: true,
    },
  });
  await api.ctx.db
    .updateTable('lesson')
    .set({ state: 'ready', duration_ms: 45 * 60_000 })
    .where('id', '=', ready.id)
    .execute();
  const coachAgent = new Agent(api.app, cookies.coach);
  await coachAgent.call('PUT', `/api/lessons/${ready.id}/clips/1`, 200, {
    json: {
      startMs: 120_000,
      endMs: 420_000,
      summary: 'Pairs explain',
      reason: 'Student explanations',
    },
  });
  const annotate = (visibility: string, body: string) =>
    coachAgent.call<{ id: string }>('POST', `/api/lessons/${ready.id}/annotations`, 201, {
      json: { visibility, startMs: 150_000, endMs: 200_000, body, codeIds: ['STEXPL'] },
    });
  const { body: publicNote } = await annotate('public', 'Students explain their thinking.');
  const { body: privateNote } = await annotate('private', 'Planning: ask about wait time.');
  const { body: replied } = await teacherAgent.call<{ replies: Array<{ id: string }> }>(
    'POST',
    `/api/annotations/${publicNote.id}/replies`,
    201,
    { json: { body: 'Thank you!' } },
  );
  const stockClipId = await api.ctx.repositories.stockClips.create(program.id, {
    pseudonym: 'Ms. Rivera',
    title: 'Sharing strategies for 48 ÷ 4',
    grade: '4',
    topic: 'Division',
    codeIds: ['STEXPL', 'SMQR'],
    isPlaceholder: false,
  });
  const { body: cycle } = await coachAgent.call<{ id: string }>('POST', '/api/cycles', 201, {
    json: { teacherId: users.teacherOwner.id, focusCodeIds: ['STEXPL'] },
  });
  await coachAgent.call('PATCH', `/api/cycles/${cycle.id}`, 200, {
    json: { lessonId: ready.id, stockClipId, stockCodeIds: ['STEXPL', 'SMQR'] },
  });
  const [message] = await api.ctx.repositories.outbox.listForProgram(program.id, 1);
  const invitationToken = /\/invitation\/([A-Za-z0-9_-]+)/.exec(message?.text ?? '')?.[1] ?? '';
  const facts: WorldFacts = {
    programId: program.id,
    foreignProgramId: foreign.program.id,
    users: { ...users, invitee: { id: body.user.id, email: 'new.teacher@north.test' } },
    cookies,
    invitationToken,
    lessonId: lesson.id,
    uploadId: started.upload.id,
    readyLessonId: ready.id,
    annotationId: publicNote.id,
    privateAnnotationId: privateNote.id,
    replyId: replied.replies[0]?.id ?? '',
    cycleId: cycle.id,
    stockClipId,
  };
  await api.ctx.db.destroy();
  const dir = api.dataDir;
  return { dir, facts };
}

export interface World extends WorldFacts {
  api: TestApi;
  /** A client acting as the persona. */
  as(persona: Persona): Agent;
}

/** A fresh copy of the seeded world with its own database file. */
export async function createWorld(env: Record<string, string> = {}): Promise<World> {
  template ??= await buildTemplate();
  // REUSE_DATA_DIR reopens a world's own folder: an API restart on the same data.
  const { REUSE_DATA_DIR: reuse, ...rest } = env;
  const dir = reuse ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'elevate-world-')));
  if (!reuse) {
    await fs.cp(template.dir, dir, { recursive: true });
    await cloneTestDatabase(dir);
  }
  const api = await createTestApi({ ...rest, AUTH_SECRET }, dir);
  const facts = template.facts;
  return {
    ...facts,
    api,
    as: (persona) => new Agent(api.app, persona === 'anonymous' ? null : facts.cookies[persona]),
  };
}
