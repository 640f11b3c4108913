// Seeds a realistic program through the API (as its people would, not into the database):
// the demo program's admin invites coaches and teachers, they accept and set passwords, the
// admin fills the caseloads, each teacher uploads a lesson (the real part flow), the coaches
// set both clips and write ~60 notes on each lesson (one in five private), teachers reply to
// a third of the public ones, and coaches open cycles with a first saved log.

import { Session, uploadLesson, waitReady } from './load-api.mjs';

export const DEMO_PASSWORD = 'elevate-demo-2026';
const PASSWORD = 'elevate-bench-2026';
const CODES = ['STEXPL', 'SMQR', 'TCD', 'LINK', 'EXPL', 'REMED', 'USEPROD', 'MLANG', 'CTX'];

/** Runs `task` over `items`, `width` at a time. */
export async function eachLimited(items, width, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** The invitation links in the outbox, by address (the newest wins). */
async function invitationTokens(admin) {
  const { items } = await admin.json('GET', '/api/outbox?limit=200', 200);
  const tokens = new Map();
  for (const item of items.toReversed()) {
    const text = JSON.stringify(item);
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
    const email = /[a-z0-9.]+@bench\.elevate\.test/.exec(text)?.[0];
    if (token && email) tokens.set(email, token);
  }
  return tokens;
}

/**
 * `coaches` coaches (the demo coach first) and `teachers` teachers (the two demo teachers
 * first), caseloads split evenly, one processed lesson per teacher, `notes` notes per lesson,
 * `cyclesPerTeacher` open cycles per teacher each with a saved log.
 */
export async function seedProgram(
  origin,
  { coaches = 4, teachers = 20, notes = 60, cyclesPerTeacher = 10, lessonData, log = () => {} },
) {
  const admin = await new Session(origin).signIn('admin@demo.elevate.test', DEMO_PASSWORD);
  const people = [
    { email: 'coach@demo.elevate.test', password: DEMO_PASSWORD, role: 'coach' },
    { email: 'teacher@demo.elevate.test', password: DEMO_PASSWORD, role: 'teacher' },
    { email: 'teacher2@demo.elevate.test', password: DEMO_PASSWORD, role: 'teacher' },
  ];
  const invited = [];
  for (let i = 1; i < coaches; i++) invited.push({ n: i, role: 'coach' });
  for (let i = 2; i < teachers; i++) invited.push({ n: i, role: 'teacher' });
  for (const person of invited) {
    person.email = `${person.role}${person.n}@bench.elevate.test`;
    await admin.json('POST', '/api/users', 201, {
      email: person.email,
      name: `Bench ${person.role} ${person.n}`,
      role: person.role,
    });
  }
  const tokens = await invitationTokens(admin);
  for (const person of invited) {
    const token = tokens.get(person.email);
    if (!token) throw new Error(`no invitation link for ${person.email} in the outbox`);
    await new Session(origin).json('POST', `/api/invitations/${token}/accept`, 200, {
      name: `Bench ${person.role} ${person.n}`,
      password: PASSWORD,
    });
    people.push({ email: person.email, password: PASSWORD, role: person.role });
  }
  const { items: users } = await admin.json('GET', '/api/users', 200);
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  for (const p of people) p.id = idOf.get(p.email);
  const coachList = people.filter((p) => p.role === 'coach');
  const teacherList = people.filter((p) => p.role === 'teacher');
  teacherList.forEach((t, i) => {
    t.coach = coachList[Math.floor((i * coachList.length) / teacherList.length)];
  });
  for (const t of teacherList) {
    await admin.json('PUT', `/api/caseloads/${t.id}`, 200, { coachId: t.coach.id });
  }
  for (const p of people) p.session = await new Session(origin).signIn(p.email, p.password);
  log(`seed: ${coachList.length} coaches, ${teacherList.length} teachers, caseloads set`);

  // One lesson per teacher, uploaded through the part flow, three at a time.
  await eachLimited(teacherList, 3, async (t, i) => {
    const lesson = await t.session.createLesson(`Lesson ${i + 1}: ratio tables`, 'Ratios');
    await uploadLesson(t.session, lesson.id, lessonData);
    t.lessonId = lesson.id;
  });
  for (const t of teacherList) t.lesson = await waitReady(t.session, t.lessonId);
  log(`seed: ${teacherList.length} lessons uploaded and processed`);

  // Clips, notes and replies: each coach on their teachers' lessons, in parallel per teacher.
  await eachLimited(teacherList, 4, async (t) => {
    const coach = t.coach.session;
    const duration = t.lesson.durationMs;
    const at = (f) => Math.floor(f * (duration - 2000));
    for (const [position, from, to] of [
      [1, 0.15, 0.3],
      [2, 0.55, 0.7],
    ]) {
      await coach.json('PUT', `/api/lessons/${t.lessonId}/clips/${position}`, 200, {
        startMs: at(from),
        endMs: at(to),
        summary: `Clip ${position}: pairs build a ratio table.`,
        reason: 'Students explain why the rows are equivalent.',
      });
    }
    t.publicNotes = [];
    for (let i = 0; i < notes; i++) {
      const visibility = i % 5 === 0 ? 'private' : 'public';
      const startMs = at(i / notes);
      const note = await coach.json('POST', `/api/lessons/${t.lessonId}/annotations`, 201, {
        visibility,
        startMs,
        endMs: i % 3 ? startMs + 1500 : null,
        body: `Note ${i}: students compare strategies and explain why the representation works.`,
        codeIds: [CODES[i % CODES.length]],
      });
      if (visibility === 'public') {
        t.publicNotes.push(note.id);
        if (t.publicNotes.length % 3 === 0) {
          await t.session.json('POST', `/api/annotations/${note.id}/replies`, 201, {
            body: `Reply to note ${i}: I wanted them to see the pattern.`,
          });
        }
      }
    }
    // Open cycles (the latest on this lesson), each with a first saved log.
    t.cycles = [];
    for (let c = 0; c < cyclesPerTeacher; c++) {
      const cycle = await coach.json('POST', '/api/cycles', 201, { teacherId: t.id });
      if (c === cyclesPerTeacher - 1) {
        await coach.json('PATCH', `/api/cycles/${cycle.id}`, 200, { lessonId: t.lessonId });
      }
      const view = await coach.json('GET', `/api/cycles/${cycle.id}/log`, 200);
      const saved = await coach.json('PUT', `/api/cycles/${cycle.id}/log`, 200, {
        baseVersion: view.version,
        fields: { ...view.fields, highlights: 'Pairs explained their ratio tables.' },
      });
      t.cycles.push({ id: cycle.id, version: saved.log.version });
    }
  });
  log(
    `seed: ${notes} notes per lesson (one in five private), replies on a third of the public ones, ${cyclesPerTeacher} cycles per teacher with a log`,
  );
  return { admin, coaches: coachList, teachers: teacherList };
}
