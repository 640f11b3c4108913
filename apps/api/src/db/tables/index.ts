import type { RubricTable } from './rubric.table';

/** Every table Kysely may touch. Repositories are the only importers of this type. */
export interface Database {
  rubric: RubricTable;
}
