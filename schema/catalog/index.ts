import { z } from 'zod';
import raw from './indicators.json';
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
}

/** One indicator: everything needed to compute, check and explain it. */
export interface IndicatorDefinition {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly definitionZh: string;
  readonly definitionEn: string;
  readonly citation: Citation;
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
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    definitionZh: z.string().min(1),
    definitionEn: z.string().min(1),
    citation,
    numerator: expression,
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
        })
        .strict(),
    ),
  })
  .strict();

const catalogSchema = z
  .object({ $comment: z.string().optional(), indicators: z.array(entrySchema) })
  .strict();

/** Parse and validate a catalog document; throws on the first malformed entry or duplicate code. */
export function parseCatalog(input: unknown): IndicatorDefinition[] {
  const parsed = catalogSchema.parse(input);
  const seen = new Set<string>();
  return parsed.indicators.map((e) => {
    if (seen.has(e.code)) throw new Error(`duplicate indicator code ${e.code}`);
    seen.add(e.code);
    return {
      ...e,
      numerator: parseExpression(e.numerator),
      denominator: e.denominator ? parseExpression(e.denominator) : null,
      rules: e.rules.map((r) => ({ ...r, left: parseExpression(r.left), right: parseExpression(r.right) })),
    };
  });
}

/** The catalog shipped with the product. */
export const indicatorCatalog: readonly IndicatorDefinition[] = parseCatalog(raw);
