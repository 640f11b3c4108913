import type { FeatureDeps } from './wiring';

/** Dashboards of coaches, teachers and admins, and the research export. */
export function dashboardServices(_deps: FeatureDeps) {
  return {};
}
