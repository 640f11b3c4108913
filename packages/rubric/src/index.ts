export { MQI_RUBRIC, MQI_RUBRIC_ID } from './mqi';
export {
  MQI_SCALE_IDS,
  MQI_SEGMENT_LEVEL_IDS,
  type MqiScaleId,
  type MqiSegmentLevelId,
} from './mqi.scales';
export { type ParseRubricResult, parseRubric, type RubricProblem } from './parse-rubric';
export {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  agreement,
  type CodeGroup,
  codeLabel,
  codesByDomain,
  compareLevels,
  findCode,
  findDomain,
  findScale,
  getCode,
  groupCodes,
  levelIndex,
  levelLabel,
  scaleOf,
  searchCodes,
} from './rubric.helpers';
export * from './rubric.schema';
