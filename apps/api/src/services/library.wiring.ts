import { LessonRepository } from '../repositories/lesson.repository';
import { StockClipRepository } from '../repositories/stock-clip.repository';
import { StockScoreRepository } from '../repositories/stock-score.repository';
import { UserRepository } from '../repositories/user.repository';
import { CalibrationService } from './calibration.service';
import { LibraryService } from './library.service';
import type { FeatureDeps } from './wiring';

/** Stock-clip library, master scores, stock-clip scoring and calibration. */
export function libraryServices(deps: FeatureDeps) {
  const library = new LibraryService({
    stockClips: new StockClipRepository(deps.db),
    lessonRows: new LessonRepository(deps.db),
    lessons: deps.lessons,
    access: deps.access,
    audit: deps.audit,
  });
  const calibration = new CalibrationService({
    scores: new StockScoreRepository(deps.db),
    users: new UserRepository(deps.db),
    cycles: deps.cycles,
    library,
    access: deps.access,
    audit: deps.audit,
  });
  return { library, calibration };
}
