import { describe, expect, it } from 'vitest';
import type { Role, Viewer } from '../domain/account';
import { type Action, isAllowed, type Resource } from './policy';

/**
 * The policy as a matrix: role x resource x owner. Each row reads: this viewer, doing
 * this, to this resource, in this relation, is allowed or not.
 */

const P = 'program-1';
const viewer = (role: Role, userId: string, programId = P): Viewer => ({
  userId,
  programId,
  role,
  name: '',
  email: '',
  timeZone: 'UTC',
  sessionId: '',
});
const teacher = viewer('teacher', 'teacher-1');
const otherTeacher = viewer('teacher', 'teacher-2');
const coach = viewer('coach', 'coach-1');
const otherCoach = viewer('coach', 'coach-2');
const admin = viewer('admin', 'admin-1');
const foreignAdmin = viewer('admin', 'admin-9', 'program-2');
const foreignCoach = viewer('coach', 'coach-1', 'program-2');

const lesson: Resource = { kind: 'lesson', programId: P, teacherId: 'teacher-1' };
const media: Resource = { kind: 'lesson-media', programId: P, teacherId: 'teacher-1' };
const coachNote: Resource = {
  kind: 'shared-item',
  programId: P,
  teacherId: 'teacher-1',
  authorId: 'coach-1',
};
const teacherReply: Resource = {
  kind: 'shared-item',
  programId: P,
  teacherId: 'teacher-1',
  authorId: 'teacher-1',
};
const log: Resource = { kind: 'shared-item', programId: P, teacherId: 'teacher-1' };
const privateNote: Resource = {
  kind: 'private-item',
  programId: P,
  teacherId: 'teacher-1',
  authorId: 'coach-1',
};
const programAdmin: Resource = { kind: 'program-admin', programId: P };
const library: Resource = { kind: 'program-library', programId: P };
const cycle: Resource = { kind: 'cycle', programId: P, teacherId: 'teacher-1' };

const coaching = { coachesTeacher: true, adminLessonAccess: false };
const notCoaching = { coachesTeacher: false, adminLessonAccess: false };
const adminAccess = { coachesTeacher: false, adminLessonAccess: true };

type Row = [string, Viewer, Action, Resource, typeof coaching, boolean];
const rows: Row[] = [
  // lessons and their media: the teacher's own; the current coach reads; admins only by setting
  ['teacher reads own lesson', teacher, 'read', lesson, notCoaching, true],
  ['teacher edits own lesson', teacher, 'write', lesson, notCoaching, true],
  ['teacher deletes own lesson', teacher, 'delete', lesson, notCoaching, true],
  ['teacher plays own media', teacher, 'read', media, notCoaching, true],
  ['other teacher reads the lesson', otherTeacher, 'read', lesson, notCoaching, false],
  ['other teacher plays the media', otherTeacher, 'read', media, notCoaching, false],
  ['current coach reads the lesson', coach, 'read', lesson, coaching, true],
  ['current coach plays the media', coach, 'read', media, coaching, true],
  ['current coach deletes the lesson', coach, 'delete', lesson, coaching, false],
  ['another coach reads the lesson', otherCoach, 'read', lesson, notCoaching, false],
  ['admin reads lesson without the setting', admin, 'read', lesson, notCoaching, false],
  ['admin plays media without the setting', admin, 'read', media, notCoaching, false],
  ['admin plays media with the setting', admin, 'read', media, adminAccess, true],
  ['admin deletes a lesson even with the setting', admin, 'delete', lesson, adminAccess, false],
  ['another program’s admin, setting on', foreignAdmin, 'read', media, adminAccess, false],
  ['a coach of another program', foreignCoach, 'read', lesson, coaching, false],
  // shared items: clips, public annotations, replies, logs
  ['teacher reads a public annotation', teacher, 'read', coachNote, notCoaching, true],
  ['teacher edits the coach’s annotation', teacher, 'write', coachNote, notCoaching, false],
  ['teacher edits own reply', teacher, 'write', teacherReply, notCoaching, true],
  ['teacher edits the shared log', teacher, 'write', log, notCoaching, true],
  ['other teacher reads the annotation', otherTeacher, 'read', coachNote, notCoaching, false],
  ['coach edits own annotation', coach, 'write', coachNote, coaching, true],
  ['coach deletes own annotation', coach, 'delete', coachNote, coaching, true],
  ['coach edits the teacher’s reply', coach, 'write', teacherReply, coaching, false],
  ['coach edits the shared log', coach, 'write', log, coaching, true],
  ['former coach reads the annotation', coach, 'read', coachNote, notCoaching, false],
  ['admin reads the log without the setting', admin, 'read', log, notCoaching, false],
  ['admin reads the log with the setting', admin, 'read', log, adminAccess, true],
  ['admin edits the log with the setting', admin, 'write', log, adminAccess, false],
  // private notes: the authoring coach only
  ['author coach reads own private note', coach, 'read', privateNote, coaching, true],
  ['author coach edits own private note', coach, 'write', privateNote, coaching, true],
  ['teacher reads the private note', teacher, 'read', privateNote, notCoaching, false],
  ['another coach reads the private note', otherCoach, 'read', privateNote, coaching, false],
  ['admin reads the private note, setting on', admin, 'read', privateNote, adminAccess, false],
  ['author coach after the teacher moved on', coach, 'read', privateNote, notCoaching, false],
  // the cycle record: teacher and coach read it, admins see it for the overview; the coach runs it
  ['teacher reads own cycle', teacher, 'read', cycle, notCoaching, true],
  ['teacher changes own cycle', teacher, 'write', cycle, notCoaching, false],
  ['other teacher reads the cycle', otherTeacher, 'read', cycle, notCoaching, false],
  ['current coach changes the cycle', coach, 'write', cycle, coaching, true],
  ['another coach reads the cycle', otherCoach, 'read', cycle, notCoaching, false],
  ['admin reads the cycle record', admin, 'read', cycle, notCoaching, true],
  ['admin changes the cycle', admin, 'write', cycle, adminAccess, false],
  ['foreign admin reads the cycle', foreignAdmin, 'read', cycle, notCoaching, false],
  // program administration and library
  ['admin manages the program', admin, 'manage', programAdmin, notCoaching, true],
  ['coach manages the program', coach, 'manage', programAdmin, coaching, false],
  ['teacher reads the admin area', teacher, 'read', programAdmin, notCoaching, false],
  ['foreign admin manages the program', foreignAdmin, 'manage', programAdmin, notCoaching, false],
  ['teacher reads the stock-clip library', teacher, 'read', library, notCoaching, true],
  ['coach edits the library', coach, 'write', library, coaching, false],
  ['admin edits the library', admin, 'write', library, notCoaching, true],
  ['foreign admin reads the library', foreignAdmin, 'read', library, notCoaching, false],
];

describe('authorization policy', () => {
  it.each(rows)('%s', (_name, who, action, resource, relation, allowed) => {
    expect(isAllowed(who, action, resource, relation)).toBe(allowed);
  });
});
