import { PERSONAS, type Persona, type World } from '../testing/world';

/** Expectation builders for the authorization matrix: persona -> status. */

export type Expect = Record<Persona, number>;
export interface RouteCase {
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** A non-JSON body (the S3-shaped upload calls). */
  raw?: { body: string; contentType: string };
  expect: Expect;
}

export const all = (status: number): Expect =>
  Object.fromEntries(PERSONAS.map((p) => [p, status])) as Expect;
export const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
/** teacherOwner's lesson: the teacher; for reading, their current coach too; others a 404. */
export const ownLesson = (ok: number, coach: number): Expect => ({
  anonymous: 401,
  teacherOwner: ok,
  otherTeacher: 404,
  coach,
  otherCoach: 404,
  admin: 404,
  foreignAdmin: 404,
});
/** Coach's work on teacherOwner's lesson: the current coach; the teacher is told it is the coach's. */
export const coachWork = (ok: number): Expect => ({ ...ownLesson(403, ok) });
/** One author's item: the author; everyone else a 404. */
export const authorOnly = (persona: Persona, ok: number): Expect => ({
  ...ownLesson(404, 404),
  teacherOwner: 404,
  [persona]: ok,
});
export const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n';

/** teacherOwner's upload: only the teacher who started it. */
export const ownUpload = (ok: number): Expect => ownLesson(ok, 404);
/** Signed-URL routes: the signature is the permission, whoever calls. */
export const signedOnly = (status: number): Expect => all(status);

/** Program admin only; another program's admin sees a 404 for our users. */
export const adminOnly = (ok: number, foreign: number): Expect => ({
  anonymous: 401,
  teacherOwner: 403,
  otherTeacher: 403,
  coach: 403,
  otherCoach: 403,
  admin: ok,
  foreignAdmin: foreign,
});
