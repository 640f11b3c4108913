import { MQI_RUBRIC, parseRubric, type Rubric } from '@elevate/rubric';
import { AppError } from '../errors';
import type { RubricRepository } from '../repositories/rubric.repository';

export interface RubricSummary {
  id: string;
  name: string;
  version: string;
  builtIn: boolean;
  domainCount: number;
  codeCount: number;
}

const BUILT_IN: readonly Rubric[] = [MQI_RUBRIC];

function summarize(rubric: Rubric, builtIn: boolean): RubricSummary {
  return {
    id: rubric.id,
    name: rubric.name,
    version: rubric.version,
    builtIn,
    domainCount: rubric.domains.length,
    codeCount: rubric.codes.length,
  };
}

/** The rubrics a program can use: MQI built in, plus any it loaded as data. */
export class RubricService {
  constructor(private readonly rubrics: RubricRepository) {}

  async list(): Promise<RubricSummary[]> {
    const stored = await this.rubrics.list();
    return [
      ...BUILT_IN.map((r) => summarize(r, true)),
      ...stored.filter((r) => !BUILT_IN.some((b) => b.id === r.id)).map((r) => summarize(r, false)),
    ];
  }

  async get(id: string): Promise<Rubric> {
    const rubric = BUILT_IN.find((r) => r.id === id) ?? (await this.rubrics.findById(id));
    if (!rubric) throw AppError.notFound('Rubric', id);
    return rubric;
  }

  /** Checks a rubric file without storing it, reporting every problem with its JSON path. */
  validate(document: unknown): { valid: true; rubric: RubricSummary } {
    const result = parseRubric(document);
    if (!result.ok) {
      throw AppError.validation(result.problems, 'The rubric file has problems; none was loaded.');
    }
    return { valid: true, rubric: summarize(result.rubric, false) };
  }
}
