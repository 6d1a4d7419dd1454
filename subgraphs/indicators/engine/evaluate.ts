import { evaluate, measuresOf } from '../../../schema/catalog/expression';
import type { Comparator, IndicatorDefinition, TargetDefinition } from '../../../schema/catalog';
import type { Period } from '../../../schema/period';
import type { EvidenceData, MeasureValueData, ScopeKind, SourceReportData } from '../../common/measures';
import { laterStoredThrough } from '../../common/provenance';

/**
 * Why a value is absent — or, for NOT_CARRIED_OUT, why it is a defended 0. The seed (二、部分评估
 * 考核指标说明): "如未开展，填“0”；某项指标如未统计，填“--”，代表缺失".
 */
export type MissingReason =
  | 'NOT_CARRIED_OUT'
  | 'NOT_COUNTED'
  | 'ZERO_DENOMINATOR'
  | 'SOURCE_UNAVAILABLE'
  | 'NOT_AVAILABLE'
  | 'SUPPRESSED';

/** The engine's answer for one indicator, scope and period (plain data; presented by the resolvers). */
export interface Evaluation {
  readonly definition: IndicatorDefinition;
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly status: 'OK' | 'PARTIAL' | 'NOT_COUNTED' | 'RULE_FAILED';
  /** Null when the value stands as is; NOT_CARRIED_OUT comes with value 0. */
  readonly missing: MissingReason | null;
  /** Qualitative entries: the documents or mechanisms behind a 是. */
  readonly evidence: readonly EvidenceData[];
  readonly components: ReadonlyArray<{
    measure: string;
    role: 'NUMERATOR' | 'DENOMINATOR' | 'PREVIOUS_YEAR';
    value: number | null;
  }>;
  readonly rules: ReadonlyArray<{
    code: string;
    descriptionZh: string;
    descriptionEn: string;
    left: number | null;
    right: number | null;
    passed: boolean | null;
  }>;
  readonly targets: ReadonlyArray<TargetDefinition & { met: boolean | null; applies: boolean }>;
  readonly target: (TargetDefinition & { met: boolean | null; applies: boolean }) | null;
  readonly complete: boolean;
  readonly sources: ReadonlyArray<SourceReportData>;
  readonly missingInstitutions: readonly string[];
  readonly uncoveredInstitutions: number;
}

export function compare(left: number, comparator: Comparator, right: number): boolean {
  switch (comparator) {
    case 'LE':
      return left <= right;
    case 'LT':
      return left < right;
    case 'GE':
      return left >= right;
    case 'GT':
      return left > right;
    case 'EQ':
      // Sums of yuan and ratios carry floating-point noise: equal within a relative 1e-9.
      return Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
  }
}

/**
 * Whether a target applies to a scope: national targets everywhere; a local plan's target only to
 * regions within its division (610902 is within 610900 and 610000). Institutions and alliances are
 * judged against national targets only.
 */
export function targetApplies(division: string | null, scopeKind: ScopeKind, scopeCode: string): boolean {
  if (division === null) return true;
  if (scopeKind !== 'REGION') return false;
  const prefix = division.replace(/(00)+$/, '');
  return scopeCode.startsWith(prefix);
}

/** The target in force for a year: the latest with target year ≤ year, else the earliest. */
export function targetInForce<T extends { year: number }>(targets: readonly T[], year: number): T | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const past = sorted.filter((t) => t.year <= year);
  return past[past.length - 1] ?? sorted[0] ?? null;
}

/** Measure codes an indicator needs (formula and rules); none for NOT_AVAILABLE entries. */
export function measuresNeeded(def: IndicatorDefinition, previous = false): string[] {
  if (def.kind === 'NOT_AVAILABLE') return [];
  const exprs = [def.numerator, ...(def.denominator ? [def.denominator] : [])];
  for (const r of def.rules) exprs.push(r.left, r.right);
  return [...new Set(exprs.flatMap((e) => measuresOf(e, previous)))];
}

const STATUS_RANK: Record<string, number> = { OK: 0, TIMEOUT: 1, QUERY_FAILED: 2, UNREACHABLE: 3 };

/**
 * Compute value = numerator / denominator × factor with missing-value semantics, check the
 * rules, compare with targets, and merge the provenance of every measure used.
 */
export function evaluateIndicator(
  definition: IndicatorDefinition,
  scopeKind: ScopeKind,
  scopeCode: string,
  period: Period,
  measures: ReadonlyMap<string, MeasureValueData>,
  previousYear: ReadonlyMap<string, MeasureValueData> = new Map(),
): Evaluation {
  const current = new Map<string, number | null>();
  for (const [code, m] of measures) current.set(code, m.value);
  const previous = new Map<string, number | null>();
  for (const [code, m] of previousYear) previous.set(code, m.value);
  const values = { current, previous };

  const available = definition.kind !== 'NOT_AVAILABLE';
  const numerator = available ? evaluate(definition.numerator, values) : null;
  const denominator = available && definition.denominator ? evaluate(definition.denominator, values) : null;
  let value: number | null;
  if (!available) value = null;
  else if (definition.kind === 'QUALITATIVE') value = numerator === null ? null : numerator > 0 ? 1 : 0;
  else if (definition.denominator) {
    value =
      numerator === null || denominator === null || denominator === 0
        ? null
        : (numerator / denominator) * definition.factor;
  } else {
    value = numerator === null ? null : numerator * definition.factor;
  }

  const rules = definition.rules.map((r) => {
    const l = evaluate(r.left, values);
    const rv = evaluate(r.right, values);
    return {
      code: r.code,
      descriptionZh: r.descriptionZh,
      descriptionEn: r.descriptionEn,
      left: l,
      right: rv,
      passed: l === null || rv === null ? null : compare(l, r.comparator, rv),
    };
  });

  const targets = definition.targets.map((t) => ({
    ...t,
    met: value === null ? null : compare(value, t.comparator, t.value),
    applies: targetApplies(t.division, scopeKind, scopeCode),
  }));

  const components = [
    ...measuresOf(definition.numerator).map((m) => ({
      measure: m,
      role: 'NUMERATOR' as const,
      value: current.get(m) ?? null,
    })),
    ...(definition.denominator ? measuresOf(definition.denominator) : []).map((m) => ({
      measure: m,
      role: 'DENOMINATOR' as const,
      value: current.get(m) ?? null,
    })),
    ...measuresNeeded(definition, true).map((m) => ({
      measure: m,
      role: 'PREVIOUS_YEAR' as const,
      value: previous.get(m) ?? null,
    })),
  ];

  const sources = new Map<string, SourceReportData>();
  const missingOrgs = new Set<string>();
  let uncovered = 0;
  let complete = true;
  for (const m of [...measures.values(), ...previousYear.values()]) {
    complete &&= m.complete;
    uncovered = Math.max(uncovered, m.uncoveredInstitutions);
    m.missingInstitutions.forEach((o) => missingOrgs.add(o));
    for (const s of m.sources) {
      const prev = sources.get(s.id);
      if (!prev) sources.set(s.id, { ...s });
      else {
        prev.institutions = Math.max(prev.institutions, s.institutions);
        prev.storedThrough = laterStoredThrough(prev.storedThrough, s.storedThrough);
        if ((STATUS_RANK[s.status] ?? 9) > (STATUS_RANK[prev.status] ?? 9)) prev.status = s.status;
      }
    }
  }

  const missing = missingReason(definition, value, numerator, denominator, measures);
  const evidence =
    definition.kind === 'QUALITATIVE' && value === 1
      ? measuresOf(definition.numerator).flatMap((m) => measures.get(m)?.evidence ?? [])
      : [];

  let status: Evaluation['status'];
  if (value === null) status = 'NOT_COUNTED';
  else if (rules.some((r) => r.passed === false)) status = 'RULE_FAILED';
  else if (!complete) status = 'PARTIAL';
  else status = 'OK';

  return {
    definition,
    scopeKind,
    scopeCode,
    period: period.id,
    value,
    numerator,
    denominator,
    status,
    missing,
    evidence,
    components,
    rules,
    targets,
    target: targetInForce(
      targets.filter((t) => t.applies),
      period.year,
    ),
    complete,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    missingInstitutions: [...missingOrgs].sort(),
    uncoveredInstitutions: uncovered,
  };
}

/**
 * The seed's fill codes: 0 when the sources answered and nothing was carried out ("0"), and the
 * reason for "--" otherwise — no legacy system holds it, a source did not answer, no source holds
 * the scope's data, or a ratio over nothing.
 */
export function missingReason(
  definition: IndicatorDefinition,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  measures: ReadonlyMap<string, MeasureValueData>,
): MissingReason | null {
  if (definition.kind === 'NOT_AVAILABLE') return 'NOT_AVAILABLE';
  if (value !== null) {
    const counted = definition.denominator === null && definition.kind === 'QUANTITATIVE';
    return counted && value === 0 ? 'NOT_CARRIED_OUT' : null;
  }
  if (numerator !== null && denominator === 0) return 'ZERO_DENOMINATOR';
  const down = [...measures.values()].some((m) => m.sources.some((s) => s.status !== 'OK'));
  return down ? 'SOURCE_UNAVAILABLE' : 'NOT_COUNTED';
}
