import { AssignmentRepository } from '../repositories/assignment.repository';
import { CoachingRepository } from '../repositories/coaching.repository';
import { CycleRepository } from '../repositories/cycle.repository';
import { PrepRepository } from '../repositories/prep.repository';
import { ReminderRepository } from '../repositories/reminder.repository';
import { AssignmentService } from './assignment.service';
import { PrepService } from './prep.service';
import { ReminderService } from './reminder.service';
import type { FeatureDeps } from './wiring';

/** Coach preparation, the watching assignment and its mail, reminders. */
export function coachingServices(deps: FeatureDeps) {
  const coaching = new CoachingRepository(deps.db);
  const { config } = deps;
  return {
    prep: new PrepService({
      cycles: deps.cycles,
      prep: new PrepRepository(deps.db),
      coaching,
      access: deps.access,
    }),
    assignments: new AssignmentService({
      cycles: deps.cycles,
      assignments: new AssignmentRepository(deps.db),
      coaching,
      access: deps.access,
      audit: deps.audit,
      mailer: deps.mailer,
    }),
    /** `reminders.sendDueReminders(now)`: for the hourly maintenance. */
    reminders: new ReminderService({
      cycles: deps.cycles,
      cycleRecords: new CycleRepository(deps.db),
      reminders: new ReminderRepository(deps.db),
      coaching,
      mailer: deps.mailer,
      // Reminders have no request to take an origin from.
      origin: config.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  };
}
