import { z } from 'zod';
import core from './indicators/core.json';
import institutions from './indicators/institutions.json';
import alliances from './indicators/alliances.json';
import workforce from './indicators/workforce.json';
import formsT1T2 from './indicators/forms-t1t2.json';
import formsT3T4 from './indicators/forms-t3t4.json';
import formsP1P2 from './indicators/forms-p1p2.json';
import { parseExpression } from './expression';
import type { Expression } from './expression';

/** Where a catalog element comes from: a file of shared/seeds, its section and line. */
export interface Citation {
  readonly document: string;
  readonly section: string;
  readonly line: number;
}

export type Comparator = 'LE' | 'LT' | 'GE' | 'GT' | 'EQ';
export type ScopeLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'ALLIANCE' | 'INSTITUTION';

/** A validation rule over measure expressions, e.g. numerator ≤ denominator. */
export interface RuleDefinition {
  readonly code: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  readonly left: Expression;
  readonly comparator: Comparator;
  readonly right: Expression;
  readonly citation: Citation;
}

/** A target from a policy document, e.g. ≥ 65 % by 2017. */
export interface TargetDefinition {
  readonly comparator: Comparator;
  readonly value: number;
  readonly year: number;
  readonly source: string;
  readonly citation: Citation;
  /**
   * A local plan's target applies only within its division (GB/T 2260 code, e.g. 220000 吉林省,
   * 320700 连云港市, 610900 安康市); national targets have none.
   */
  readonly division: string | null;
}

/**
 * QUANTITATIVE: a number from the formula. QUALITATIVE (定性): yes/no — the numerator counts the
 * policy documents or mechanisms in force; > 0 is 是 (value 1), 0 is 否 (value 0).
 * NOT_AVAILABLE: no legacy system holds the data (satisfaction surveys, CMI…): declared with the
 * reason, never computed, never invented.
 */
export type IndicatorKind = 'QUANTITATIVE' | 'QUALITATIVE' | 'NOT_AVAILABLE';

/**
 * How a value rolls up the hierarchy (province > city > county > institution):
 * SUM — events summed over the scope's institutions and the period's days;
 * RATIO_OF_SUMS — numerators and denominators summed, then divided (never an average of ratios);
 * STOCK — a state on the period's last day (institutions open, people on post), counted once;
 * ANY — qualitative: yes when any holder within the scope has the document or mechanism.
 */
export type Aggregation = 'SUM' | 'RATIO_OF_SUMS' | 'STOCK' | 'ANY';

/** One indicator: everything needed to compute, check and explain it. */
export interface IndicatorDefinition {
  readonly kind: IndicatorKind;
  readonly aggregation: Aggregation;
  /** NOT_AVAILABLE only: why no legacy system can answer it. */
  readonly notAvailable: { readonly reasonZh: string; readonly reasonEn: string } | null;
  /**
   * SCOPE: measures are asked for the scope itself. LEAD: on an ALLIANCE scope, for the
   * alliance's lead institution (牵头医院 items of the 2018 performance system).
   */
  readonly subject: 'SCOPE' | 'LEAD';
  /** Rows of the evaluation forms this entry fills, as `FORM:KEY` (e.g. `T1:371`); see schema/forms. */
  readonly forms: readonly string[];
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly definitionZh: string;
  readonly definitionEn: string;
  readonly citation: Citation;
  /** A constant 0 expression for NOT_AVAILABLE entries (never evaluated). */
  readonly numerator: Expression;
  /** Absent for counts. */
  readonly denominator: Expression | null;
  /** ×100 for %, ×10000 for per-10,000, 1 for counts. */
  readonly factor: number;
  readonly unit: string;
  readonly scopes: readonly ScopeLevel[];
  readonly rules: readonly RuleDefinition[];
  readonly targets: readonly TargetDefinition[];
}

const citation = z.object({
  document: z.string().min(1),
  section: z.string().min(1),
  line: z.number().int().positive(),
});
const comparator = z.enum(['LE', 'LT', 'GE', 'GT', 'EQ']);
const expression = z.string().min(1);

const entrySchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    kind: z.enum(['QUANTITATIVE', 'QUALITATIVE', 'NOT_AVAILABLE']).default('QUANTITATIVE'),
    aggregation: z.enum(['SUM', 'RATIO_OF_SUMS', 'STOCK', 'ANY']).optional(),
    notAvailable: z
      .object({ reasonZh: z.string().min(1), reasonEn: z.string().min(1) })
      .strict()
      .optional(),
    subject: z.enum(['SCOPE', 'LEAD']).default('SCOPE'),
    forms: z.array(z.string().regex(/^(T1|T2|T3|T4|P1|P2):[0-9]+[a-z]?$/)).default([]),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    definitionZh: z.string().min(1),
    definitionEn: z.string().min(1),
    citation,
    numerator: expression.optional(),
    denominator: expression.optional(),
    factor: z.number().positive(),
    unit: z.string().min(1),
    scopes: z.array(z.enum(['PROVINCE', 'CITY', 'COUNTY', 'ALLIANCE', 'INSTITUTION'])).min(1),
    rules: z.array(
      z
        .object({
          code: z.string().min(1),
          descriptionZh: z.string().min(1),
          descriptionEn: z.string().min(1),
          left: expression,
          comparator,
          right: expression,
          citation,
        })
        .strict(),
    ),
    targets: z.array(
      z
        .object({
          comparator,
          value: z.number(),
          year: z.number().int(),
          source: z.string().min(1),
          citation,
          division: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((e, ctx) => {
    const problem = (message: string): void => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (e.kind === 'NOT_AVAILABLE') {
      if (!e.notAvailable) problem(`${e.code}: a NOT_AVAILABLE entry needs notAvailable.reasonZh/reasonEn`);
      if (e.numerator || e.denominator) problem(`${e.code}: a NOT_AVAILABLE entry has no formula`);
    } else {
      if (!e.numerator) problem(`${e.code}: numerator is required`);
      if (e.notAvailable) problem(`${e.code}: notAvailable is only for NOT_AVAILABLE entries`);
    }
    if (e.kind === 'QUALITATIVE' && (e.denominator || e.factor !== 1 || e.unit !== '是/否')) {
      problem(`${e.code}: a QUALITATIVE entry has no denominator, factor 1 and unit 是/否`);
    }
    if (!e.denominator && e.aggregation === 'RATIO_OF_SUMS') {
      problem(`${e.code}: RATIO_OF_SUMS needs a denominator`);
    }
    if (e.denominator && e.aggregation && e.aggregation !== 'RATIO_OF_SUMS') {
      problem(`${e.code}: a ratio rolls up as RATIO_OF_SUMS`);
    }
  });

const catalogSchema = z
  .object({ $comment: z.string().optional(), indicators: z.array(entrySchema) })
  .strict();

function defaultAggregation(e: z.infer<typeof entrySchema>): Aggregation {
  if (e.aggregation) return e.aggregation;
  if (e.denominator) return 'RATIO_OF_SUMS';
  return e.kind === 'QUALITATIVE' ? 'ANY' : 'SUM';
}

/**
 * Parse and validate catalog documents (one per file of `indicators/`); throws on a malformed
 * entry or a code defined twice, in the same file or across files.
 */
export function parseCatalog(...inputs: unknown[]): IndicatorDefinition[] {
  const seen = new Set<string>();
  return inputs.flatMap((input) =>
    catalogSchema.parse(input).indicators.map((e): IndicatorDefinition => {
      if (seen.has(e.code)) throw new Error(`duplicate indicator code ${e.code}`);
      seen.add(e.code);
      return {
        ...e,
        aggregation: defaultAggregation(e),
        notAvailable: e.notAvailable ?? null,
        numerator: parseExpression(e.numerator ?? '0'),
        denominator: e.denominator ? parseExpression(e.denominator) : null,
        rules: e.rules.map((r) => ({ ...r, left: parseExpression(r.left), right: parseExpression(r.right) })),
        targets: e.targets.map((t) => ({ ...t, division: t.division ?? null })),
      };
    }),
  );
}

/**
 * The catalog shipped with the product: one JSON document per file of `indicators/`, each
 * imported here by name (so the build copies it and a newcomer finds every file from this list).
 */
export const indicatorCatalog: readonly IndicatorDefinition[] = parseCatalog(
  core,
  institutions,
  alliances,
  workforce,
  formsT1T2,
  formsT3T4,
  formsP1P2,
);
