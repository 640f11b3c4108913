import { GoalRepository } from '../repositories/goal.repository';
import { LogRepository } from '../repositories/log.repository';
import { ReviewRepository } from '../repositories/review.repository';
import { UserRepository } from '../repositories/user.repository';
import { GoalService } from './goal.service';
import { LogService } from './log.service';
import type { FeatureDeps } from './wiring';

/** The collaborative log (versions, merge, exports, calendar) and the teacher's goals. */
export function logServices(deps: FeatureDeps) {
  const logs = new LogRepository(deps.db);
  const goals = new GoalRepository(deps.db);
  const users = new UserRepository(deps.db);
  const shared = {
    logs,
    goals,
    users,
    cycles: deps.cycles,
    access: deps.access,
    audit: deps.audit,
  };
  return {
    collabLog: new LogService({ ...shared, review: new ReviewRepository(deps.db) }),
    goals: new GoalService(shared),
  };
}
