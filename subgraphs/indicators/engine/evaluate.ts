import { evaluate, measuresOf } from '../../../schema/catalog/expression';
import type { Comparator, IndicatorDefinition, TargetDefinition } from '../../../schema/catalog';
import type { Period } from '../../../schema/period';
import type { MeasureValueData, ScopeKind } from '../../common/measures';

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
  readonly components: ReadonlyArray<{
    measure: string;
    role: 'NUMERATOR' | 'DENOMINATOR' | 'PREVIOUS_YEAR';
    value: number | null;
  }>;
  readonly rules: ReadonlyArray<{ code: string; descriptionZh: string; passed: boolean | null }>;
  readonly targets: ReadonlyArray<TargetDefinition & { met: boolean | null }>;
  readonly target: (TargetDefinition & { met: boolean | null }) | null;
  readonly complete: boolean;
  readonly sources: ReadonlyArray<{ id: string; kind: string; status: string; institutions: number }>;
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
      return left === right;
  }
}

/** The target in force for a year: the latest with target year ≤ year, else the earliest. */
export function targetInForce<T extends { year: number }>(targets: readonly T[], year: number): T | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const past = sorted.filter((t) => t.year <= year);
  return past[past.length - 1] ?? sorted[0] ?? null;
}

/** Measure codes an indicator needs (formula and rules). */
export function measuresNeeded(def: IndicatorDefinition, previous = false): string[] {
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

  const numerator = evaluate(definition.numerator, values);
  const denominator = definition.denominator ? evaluate(definition.denominator, values) : null;
  let value: number | null;
  if (definition.denominator) {
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
      passed: l === null || rv === null ? null : compare(l, r.comparator, rv),
    };
  });

  const targets = definition.targets.map((t) => ({
    ...t,
    met: value === null ? null : compare(value, t.comparator, t.value),
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

  const sources = new Map<string, { id: string; kind: string; status: string; institutions: number }>();
  const missing = new Set<string>();
  let uncovered = 0;
  let complete = true;
  for (const m of [...measures.values(), ...previousYear.values()]) {
    complete &&= m.complete;
    uncovered = Math.max(uncovered, m.uncoveredInstitutions);
    m.missingInstitutions.forEach((o) => missing.add(o));
    for (const s of m.sources) {
      const prev = sources.get(s.id);
      if (!prev) sources.set(s.id, { ...s });
      else {
        prev.institutions = Math.max(prev.institutions, s.institutions);
        if ((STATUS_RANK[s.status] ?? 9) > (STATUS_RANK[prev.status] ?? 9)) prev.status = s.status;
      }
    }
  }

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
    components,
    rules,
    targets,
    target: targetInForce(targets, period.year),
    complete,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    missingInstitutions: [...missing].sort(),
    uncoveredInstitutions: uncovered,
  };
}
