import type { FeatureDeps } from './wiring';

/** Stock-clip library, master scores, stock-clip scoring and calibration. */
export function libraryServices(_deps: FeatureDeps) {
  return {};
}
