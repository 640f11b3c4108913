import { TEST_PASSWORD } from '../testing/world';
import {
  adminOnly,
  all,
  authorOnly,
  coachWork,
  ownLesson,
  ownUpload,
  type RouteCase,
  signedIn,
  signedOnly,
  VTT,
} from './expect';

/** Accounts, lessons, uploads and review: the routes before the coaching cycle. */
export const CORE_MATRIX: Record<string, RouteCase> = {
  'GET /api/health': { path: () => '/api/health', expect: all(200) },
  'POST /api/auth/sign-in/email': {
    path: () => '/api/auth/sign-in/email',
    body: (w) => ({ email: w.users.teacherOwner.email, password: TEST_PASSWORD }),
    expect: all(200),
  },
  'POST /api/auth/sign-out': { path: () => '/api/auth/sign-out', expect: all(200) },
  'GET /api/auth/get-session': { path: () => '/api/auth/get-session', expect: all(200) },
  'POST /api/auth/request-password-reset': {
    path: () => '/api/auth/request-password-reset',
    body: (w) => ({ email: w.users.otherTeacher.email, redirectTo: '/reset-password' }),
    expect: all(200),
  },
  'GET /api/auth/reset-password/:token': {
    path: () => '/api/auth/reset-password/not-a-real-token?callbackURL=%2Freset-password',
    expect: all(302),
  },
  'POST /api/auth/reset-password': {
    path: () => '/api/auth/reset-password',
    body: () => ({ token: 'not-a-real-token', newPassword: 'a new password 123' }),
    expect: all(400),
  },
  'POST /api/auth/change-password': {
    path: () => '/api/auth/change-password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a new password 123' }),
    expect: signedIn(200),
  },
  'GET /api/me': { path: () => '/api/me', expect: signedIn(200) },
  'PATCH /api/me': {
    path: () => '/api/me',
    body: () => ({ timeZone: 'Europe/Paris' }),
    expect: signedIn(200),
  },
  'GET /api/invitations/:token': {
    path: (w) => `/api/invitations/${w.invitationToken}`,
    expect: all(200),
  },
  'POST /api/invitations/:token/accept': {
    path: (w) => `/api/invitations/${w.invitationToken}/accept`,
    body: () => ({ name: 'Nia New', password: 'a fine password 1' }),
    expect: all(200),
  },
  'GET /api/users': { path: () => '/api/users', expect: adminOnly(200, 200) },
  'POST /api/users': {
    path: () => '/api/users',
    body: () => ({ email: 'another@north.test', name: 'Ann Other', role: 'coach' }),
    expect: adminOnly(201, 201),
  },
  'PATCH /api/users/:id': {
    path: (w) => `/api/users/${w.users.otherTeacher.id}`,
    body: () => ({ role: 'coach' }),
    expect: adminOnly(200, 404),
  },
  'POST /api/users/:id/deactivate': {
    path: (w) => `/api/users/${w.users.otherTeacher.id}/deactivate`,
    expect: adminOnly(200, 404),
  },
  'POST /api/users/:id/reactivate': {
    path: (w) => `/api/users/${w.users.otherTeacher.id}/reactivate`,
    expect: adminOnly(200, 404),
  },
  'POST /api/users/:id/resend-invitation': {
    path: (w) => `/api/users/${w.users.invitee.id}/resend-invitation`,
    expect: adminOnly(200, 404),
  },
  'GET /api/caseloads': {
    path: () => '/api/caseloads',
    expect: { ...adminOnly(200, 200), coach: 200, otherCoach: 200 },
  },
  'PUT /api/caseloads/:teacherId': {
    path: (w) => `/api/caseloads/${w.users.teacherOwner.id}`,
    body: (w) => ({ coachId: w.users.otherCoach.id }),
    expect: adminOnly(200, 404),
  },
  'GET /api/outbox': { path: () => '/api/outbox', expect: adminOnly(200, 200) },
  'GET /api/audit': { path: () => '/api/audit', expect: adminOnly(200, 200) },
  'GET /api/rubrics': { path: () => '/api/rubrics', expect: signedIn(200) },
  'POST /api/rubrics/validate': {
    path: () => '/api/rubrics/validate',
    body: () => ({ id: 'x' }),
    expect: signedIn(422),
  },
  'GET /api/rubrics/:id': { path: () => '/api/rubrics/mqi-4pt', expect: signedIn(200) },
  'GET /api/lessons': { path: () => '/api/lessons', expect: signedIn(200) },
  'GET /api/stock-clips': { path: () => '/api/stock-clips', expect: signedIn(200) },
  'POST /api/lessons': {
    path: () => '/api/lessons',
    body: () => ({
      title: 'T',
      taughtOn: '2026-11-20',
      grade: '3',
      topic: 'Place value',
      consent: true,
    }),
    expect: { ...adminOnly(403, 403), teacherOwner: 201, otherTeacher: 201 },
  },
  'GET /api/lessons/:id': {
    path: (w) => `/api/lessons/${w.lessonId}`,
    expect: ownLesson(200, 200),
  },
  'PATCH /api/lessons/:id': {
    path: (w) => `/api/lessons/${w.lessonId}`,
    body: () => ({ title: 'Renamed' }),
    expect: ownLesson(200, 404),
  },
  'DELETE /api/lessons/:id': {
    path: (w) => `/api/lessons/${w.lessonId}`,
    expect: ownLesson(204, 404),
  },
  'GET /api/lessons/:id/media': {
    path: (w) => `/api/lessons/${w.lessonId}/media`,
    expect: ownLesson(200, 200),
  },
  'GET /api/lessons/:id/upload': {
    path: (w) => `/api/lessons/${w.lessonId}/upload`,
    expect: ownLesson(200, 404),
  },
  'POST /api/lessons/:id/upload': {
    path: (w) => `/api/lessons/${w.lessonId}/upload`,
    body: () => ({ fileName: 'lesson.mp4', size: 1000, contentType: 'video/mp4' }),
    expect: ownLesson(200, 404),
  },
  'POST /api/uploads/:id/s3/create': {
    path: (w) => `/api/uploads/${w.uploadId}/s3/create`,
    expect: ownUpload(200),
  },
  'POST /api/uploads/:id/parts/:partNumber/sign': {
    path: (w) => `/api/uploads/${w.uploadId}/parts/1/sign`,
    expect: ownUpload(200),
  },
  'GET /api/uploads/:id/s3/parts': {
    path: (w) => `/api/uploads/${w.uploadId}/s3/parts`,
    expect: ownUpload(200),
  },
  'POST /api/uploads/:id/s3/complete': {
    path: (w) => `/api/uploads/${w.uploadId}/s3/complete`,
    raw: {
      body: '<CompleteMultipartUpload></CompleteMultipartUpload>',
      contentType: 'application/xml',
    },
    expect: ownUpload(400),
  },
  'DELETE /api/uploads/:id/s3': {
    path: (w) => `/api/uploads/${w.uploadId}/s3`,
    expect: ownUpload(204),
  },
  'GET /api/lessons/:id/timeline': {
    path: (w) => `/api/lessons/${w.readyLessonId}/timeline`,
    expect: ownLesson(200, 200),
  },
  'PUT /api/lessons/:id/clips/:position': {
    path: (w) => `/api/lessons/${w.readyLessonId}/clips/2`,
    body: () => ({ startMs: 600_000, endMs: 900_000, summary: 'S', reason: 'R' }),
    expect: coachWork(200),
  },
  'DELETE /api/lessons/:id/clips/:position': {
    path: (w) => `/api/lessons/${w.readyLessonId}/clips/1`,
    expect: coachWork(204),
  },
  'POST /api/lessons/:id/annotations': {
    path: (w) => `/api/lessons/${w.readyLessonId}/annotations`,
    body: () => ({ visibility: 'public', startMs: 1000, body: 'B', codeIds: ['TCD'] }),
    expect: coachWork(201),
  },
  'GET /api/lessons/:id/transcript': {
    path: (w) => `/api/lessons/${w.readyLessonId}/transcript`,
    expect: ownLesson(200, 200),
  },
  'PUT /api/lessons/:id/transcript': {
    path: (w) => `/api/lessons/${w.readyLessonId}/transcript`,
    raw: { body: VTT, contentType: 'text/vtt' },
    expect: ownLesson(200, 200),
  },
  'DELETE /api/lessons/:id/transcript': {
    path: (w) => `/api/lessons/${w.readyLessonId}/transcript`,
    expect: ownLesson(204, 204),
  },
  'POST /api/lessons/:id/watched': {
    path: (w) => `/api/lessons/${w.readyLessonId}/watched`,
    body: () => ({ intervals: [[0, 1000]] }),
    expect: ownLesson(200, 200),
  },
  'GET /api/lessons/:id/watched': {
    path: (w) => `/api/lessons/${w.readyLessonId}/watched`,
    expect: ownLesson(200, 200),
  },
  'GET /api/lessons/:id/annotations/export/:format': {
    path: (w) => `/api/lessons/${w.readyLessonId}/annotations/export/csv`,
    expect: ownLesson(200, 200),
  },
  'PATCH /api/annotations/:id': {
    path: (w) => `/api/annotations/${w.annotationId}`,
    body: () => ({ visibility: 'public', startMs: 1000, body: 'Edited', codeIds: [] }),
    expect: authorOnly('coach', 200),
  },
  'DELETE /api/annotations/:id': {
    path: (w) => `/api/annotations/${w.privateAnnotationId}`,
    expect: authorOnly('coach', 204),
  },
  'POST /api/annotations/:id/replies': {
    path: (w) => `/api/annotations/${w.annotationId}/replies`,
    body: () => ({ body: 'A reply' }),
    expect: ownLesson(201, 201),
  },
  'PATCH /api/replies/:id': {
    path: (w) => `/api/replies/${w.replyId}`,
    body: () => ({ body: 'Edited reply' }),
    expect: authorOnly('teacherOwner', 200),
  },
  'DELETE /api/replies/:id': {
    path: (w) => `/api/replies/${w.replyId}`,
    expect: authorOnly('teacherOwner', 204),
  },
  'PUT /api/storage/local/objects/:key{.+}': {
    path: () =>
      '/api/storage/local/objects/lessons/x/original/y?uploadId=u&partNumber=1&expires=9999999999&signature=forged',
    raw: { body: 'bytes', contentType: 'application/octet-stream' },
    expect: signedOnly(403),
  },
  'GET /api/storage/local/objects/:key{.+}': {
    path: () =>
      '/api/storage/local/objects/lessons/x/poster.jpg?expires=9999999999&signature=forged',
    expect: signedOnly(403),
  },
};
