import { z } from 'zod';

/**
 * The shape of a rubric, as data. MQI is the built-in one; a program can load another
 * observation framework (or the official MQI text it holds a licence for) as a file of
 * this shape, checked by `parseRubric`.
 */

export const SCALE_DIRECTIONS = {
  higherIsBetter: 'higher-is-better',
  /** As in MQI's Errors and Imprecision: a higher level means more errors, lower quality. */
  higherIsWorse: 'higher-is-worse',
} as const;
export type ScaleDirection = (typeof SCALE_DIRECTIONS)[keyof typeof SCALE_DIRECTIONS];

export const CODE_KINDS = {
  /** Scored on each equal segment of a lesson, within a domain. */
  segment: 'segment',
  /** A yes/no gate scored per segment, outside the domains. */
  gate: 'gate',
  /** Scored once per lesson. */
  wholeLesson: 'whole-lesson',
} as const;
export type CodeKind = (typeof CODE_KINDS)[keyof typeof CODE_KINDS];

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, dot, dash or underscore');

const textSchema = (max: number) => z.string().trim().min(1).max(max);

export const levelSchema = z.object({
  id: idSchema,
  label: textSchema(80),
  /** The numeric score point this level stands for (e.g. 1-4, or 0/1 for a gate). */
  score: z.number().int(),
});

export const scaleSchema = z.object({
  id: idSchema,
  name: textSchema(120),
  direction: z.enum([SCALE_DIRECTIONS.higherIsBetter, SCALE_DIRECTIONS.higherIsWorse]),
  /** Ordered from the lowest level to the highest. */
  levels: z.array(levelSchema).min(2),
});

export const domainSchema = z.object({
  id: idSchema,
  name: textSchema(160),
  /** Our own one-line summary of what the domain looks at. */
  paraphrase: textSchema(400),
});

export const codeSchema = z.object({
  id: idSchema,
  name: textSchema(160),
  /** Our own one-line summary of what the code looks at; never the rubric's prose. */
  paraphrase: textSchema(400),
  kind: z.enum([CODE_KINDS.segment, CODE_KINDS.gate, CODE_KINDS.wholeLesson]),
  /** Required for segment codes; gate and whole-lesson codes stand outside the domains. */
  domainId: idSchema.optional(),
  scaleId: idSchema,
  /** The domain's overall code (e.g. ORICH), scored on the whole domain for a segment. */
  isOverall: z.boolean().default(false),
  /**
   * Optional per-level descriptions, keyed by level id of the code's scale: where a program
   * that holds a framework's official text loads it.
   */
  levelDescriptions: z.record(z.string(), textSchema(4000)).optional(),
});

export const attributionSchema = z.object({
  text: textSchema(400),
  licence: textSchema(120),
  licenceUrl: z.url(),
  sourceUrl: z.url().optional(),
});

export const rubricSchema = z.object({
  id: idSchema,
  name: textSchema(200),
  version: textSchema(40),
  description: textSchema(1000).optional(),
  attribution: attributionSchema,
  scales: z.array(scaleSchema).min(1),
  domains: z.array(domainSchema),
  codes: z.array(codeSchema).min(1),
  /** The program's default coaching focus codes (ids of codes in this rubric). */
  defaultFocusCodeIds: z.array(idSchema).default([]),
});

export type Level = z.infer<typeof levelSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Code = z.infer<typeof codeSchema>;
export type Attribution = z.infer<typeof attributionSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
/** A rubric as authored, before defaults are applied. */
export type RubricInput = z.input<typeof rubricSchema>;
