import type { Migration } from 'kysely';
import * as m20261122T0900 from './2026-11-22T0900-rubrics';
import * as m20261122T1000 from './2026-11-22T1000-accounts';
import * as m20261122T1100 from './2026-11-22T1100-lessons';
import * as m20261122T1200 from './2026-11-22T1200-review';
import * as m20261122T1300 from './2026-11-22T1300-stock-clips';
import * as m20261122T1400 from './2026-11-22T1400-cycles';
import * as m20261122T1500 from './2026-11-22T1500-scale-indexes';

/**
 * Every migration, keyed by its dated name (Kysely runs them in key order). Listed
 * statically rather than read from the folder so the bundled server carries them.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0900-rubrics': m20261122T0900,
  '2026-11-22T1000-accounts': m20261122T1000,
  '2026-11-22T1100-lessons': m20261122T1100,
  '2026-11-22T1200-review': m20261122T1200,
  '2026-11-22T1300-stock-clips': m20261122T1300,
  '2026-11-22T1400-cycles': m20261122T1400,
  '2026-11-22T1500-scale-indexes': m20261122T1500,
};
