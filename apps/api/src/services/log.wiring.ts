import type { FeatureDeps } from './wiring';

/** The collaborative log (versions, merge, exports, calendar) and the teacher's goals. */
export function logServices(_deps: FeatureDeps) {
  return {};
}
