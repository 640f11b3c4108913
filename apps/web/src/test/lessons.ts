import type { Lesson } from '../api/client';
import { type Person, type SeededApi, TEST_ORIGIN } from './real-api';

/** The smallest JPEG browsers decode (1x1): a poster stand-in. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** Creates a lesson through the API, as the teacher's browser would. */
export async function createLesson(
  seeded: SeededApi,
  teacher: Pick<Person, 'email' | 'password'>,
  input: Partial<{ title: string; taughtOn: string; grade: string; topic: string }> = {},
): Promise<Lesson> {
  const asTeacher = await seeded.signedIn(teacher);
  const res = await asTeacher(`${TEST_ORIGIN}/api/lessons`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Adding fractions with unlike denominators',
      taughtOn: '2026-03-03',
      grade: '5',
      topic: 'Fractions',
      focusCodeIds: ['STEXPL'],
      consent: true,
      ...input,
    }),
  });
  if (res.status !== 201) throw new Error(`create lesson: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Lesson;
}

type StatePatch = {
  state: Lesson['state'];
  progress?: number | null;
  stateReason?: string | null;
  durationMs?: number | null;
};

/**
 * Moves a lesson to a state the way the media worker would (the worker itself needs a real
 * upload and ffmpeg, which belong to the API's and the e2e suites).
 */
export async function setLessonState(seeded: SeededApi, lessonId: string, patch: StatePatch) {
  await seeded.api.ctx.repositories.lessons.update(lessonId, patch);
}

/** Stores a poster and a video for the lesson, as processing leaves them. */
export async function giveLessonMedia(seeded: SeededApi, lessonId: string): Promise<void> {
  const { storage, repositories } = seeded.api.ctx;
  const prefix = `lessons/${lessonId}/`;
  const poster = await storage.put(`${prefix}poster.jpg`, TINY_JPEG, 'image/jpeg');
  await repositories.media.upsert({
    lessonId,
    kind: 'poster',
    storageKey: `${prefix}poster.jpg`,
    contentType: 'image/jpeg',
    sizeBytes: poster.size,
    meta: null,
  });
  const video = await storage.put(`${prefix}original/test`, Buffer.from('not really'), 'video/mp4');
  await repositories.media.upsert({
    lessonId,
    kind: 'original',
    storageKey: `${prefix}original/test`,
    contentType: 'video/mp4',
    sizeBytes: video.size,
    meta: { fileName: 'lesson.mp4' },
  });
}
