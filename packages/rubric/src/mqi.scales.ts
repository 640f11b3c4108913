import { type RubricInput, SCALE_DIRECTIONS } from './rubric.schema';

/** Scale ids of the built-in MQI rubric, for code that needs to name one. */
export const MQI_SCALE_IDS = {
  segment: 'mqi-segment',
  /** Errors and Imprecision: the same levels, but a higher level means more errors. */
  segmentErrors: 'mqi-segment-errors',
  gate: 'mqi-gate',
  wholeLesson: 'mqi-whole-lesson',
} as const;
export type MqiScaleId = (typeof MQI_SCALE_IDS)[keyof typeof MQI_SCALE_IDS];

/** Level ids shared by both MQI segment scales (ordered lowest to highest). */
export const MQI_SEGMENT_LEVEL_IDS = {
  notPresent: 'not-present',
  low: 'low',
  mid: 'mid',
  high: 'high',
} as const;
export type MqiSegmentLevelId = (typeof MQI_SEGMENT_LEVEL_IDS)[keyof typeof MQI_SEGMENT_LEVEL_IDS];

const segmentLevels = [
  { id: MQI_SEGMENT_LEVEL_IDS.notPresent, label: 'Not Present', score: 1 },
  { id: MQI_SEGMENT_LEVEL_IDS.low, label: 'Low', score: 2 },
  { id: MQI_SEGMENT_LEVEL_IDS.mid, label: 'Mid', score: 3 },
  { id: MQI_SEGMENT_LEVEL_IDS.high, label: 'High', score: 4 },
];

export const MQI_SCALES: RubricInput['scales'] = [
  {
    id: MQI_SCALE_IDS.segment,
    name: 'Segment score points',
    direction: SCALE_DIRECTIONS.higherIsBetter,
    levels: segmentLevels,
  },
  {
    id: MQI_SCALE_IDS.segmentErrors,
    name: 'Segment score points (Errors and Imprecision: higher means more errors)',
    direction: SCALE_DIRECTIONS.higherIsWorse,
    levels: segmentLevels,
  },
  {
    id: MQI_SCALE_IDS.gate,
    name: 'Gate',
    direction: SCALE_DIRECTIONS.higherIsBetter,
    levels: [
      { id: 'no', label: 'No', score: 0 },
      { id: 'yes', label: 'Yes', score: 1 },
    ],
  },
  {
    id: MQI_SCALE_IDS.wholeLesson,
    name: 'Whole-lesson score points',
    direction: SCALE_DIRECTIONS.higherIsBetter,
    levels: [
      { id: 'low', label: 'Low', score: 1 },
      { id: 'low-mid', label: 'Low-Mid', score: 2 },
      { id: 'mid', label: 'Mid', score: 3 },
      { id: 'mid-high', label: 'Mid-High', score: 4 },
      { id: 'high', label: 'High', score: 5 },
    ],
  },
];
