import type { InferResponseType } from 'hono/client';
import type { ApiClient } from './client';

/**
 * The API's resource shapes, derived from its route types so they cannot drift from what
 * the server sends.
 */
export type Me = InferResponseType<ApiClient['me']['$get'], 200>;
export type User = InferResponseType<ApiClient['users']['$get'], 200>['items'][number];
export type Role = User['role'];
export type UserStatus = User['status'];
export type CaseloadEntry = InferResponseType<ApiClient['caseloads']['$get'], 200>['items'][number];
export type OutboxMessage = InferResponseType<ApiClient['outbox']['$get'], 200>['items'][number];
export type AuditEvent = InferResponseType<ApiClient['audit']['$get'], 200>['items'][number];
export type Invitation = InferResponseType<ApiClient['invitations'][':token']['$get'], 200>;
export type Lesson = InferResponseType<ApiClient['lessons'][':id']['$get'], 200>;
export type LessonState = Lesson['state'];
export type LessonMedia = InferResponseType<ApiClient['lessons'][':id']['media']['$get'], 200>;
/** The unfinished upload of a lesson, as the API reports it (with the bytes it holds). */
export type PendingUpload = NonNullable<
  InferResponseType<ApiClient['lessons'][':id']['upload']['$get'], 200>['upload']
>;
export type StartedUpload = InferResponseType<
  ApiClient['lessons'][':id']['upload']['$post'],
  200 | 201
>;
