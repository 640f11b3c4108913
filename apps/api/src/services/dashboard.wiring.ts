import { CaseloadRepository } from '../repositories/caseload.repository';
import { CycleRepository } from '../repositories/cycle.repository';
import { DashboardRepository } from '../repositories/dashboard.repository';
import { UserRepository } from '../repositories/user.repository';
import { DashboardService } from './dashboard.service';
import { ResearchExportService } from './research-export.service';
import type { FeatureDeps } from './wiring';

/** Dashboards of coaches, teachers and admins, and the research export. */
export function dashboardServices(deps: FeatureDeps) {
  const cycles = new CycleRepository(deps.db);
  const dashboard = new DashboardRepository(deps.db);
  const shared = { cycleService: deps.cycles, cycles, dashboard, access: deps.access };
  return {
    dashboards: new DashboardService({
      ...shared,
      users: new UserRepository(deps.db),
      caseloads: new CaseloadRepository(deps.db),
    }),
    researchExport: new ResearchExportService({ ...shared, audit: deps.audit }),
  };
}
