import type { ClipPosition } from '../review.types';

/** The in-app address of a clip's view (what the teacher is sent). */
export function clipPath(lessonId: string, position: ClipPosition): string {
  return `/lessons/${encodeURIComponent(lessonId)}/clips/${position}`;
}

export function reviewPath(lessonId: string): string {
  return `/lessons/${encodeURIComponent(lessonId)}/review`;
}

/** The shareable link: an address in this app, which asks for a sign-in like any other. */
export function clipUrl(lessonId: string, position: ClipPosition, origin = window.location.origin) {
  return `${origin}${clipPath(lessonId, position)}`;
}
