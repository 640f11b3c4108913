import type { FeatureDeps } from './wiring';

/** Coach preparation, the watching assignment and its mail, reminders. */
export function coachingServices(_deps: FeatureDeps) {
  return {};
}
