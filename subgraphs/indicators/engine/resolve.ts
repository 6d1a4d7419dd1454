import type { IndicatorDefinition } from '../../../schema/catalog';
import { previousYear } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { ScopeKind } from '../../common/measures';
import type { MeasureValueData } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { evaluateIndicator, measuresNeeded } from './evaluate';
import { suppressSmallCounts } from './suppress';
import type { Evaluation } from './evaluate';

/** 牵头医院 items on an alliance are asked of its lead institution (scope kind ALLIANCE_LEAD). */
export function measureScopeKind(def: IndicatorDefinition, scopeKind: ScopeKind): ScopeKind {
  return def.subject === 'LEAD' && scopeKind === ScopeKind.ALLIANCE ? ScopeKind.ALLIANCE_LEAD : scopeKind;
}

/**
 * Evaluate indicators for one scope and period. Every measure of every indicator (and of the
 * same period a year earlier, for PREV) is asked of the per-operation loader before anything is
 * awaited, so all scopes and indicators of an operation become one call per owning subgraph.
 */
export async function evaluateForScope(
  ctx: IndicatorsContext,
  scopeKind: ScopeKind,
  scopeCode: string,
  period: Period,
  definitions: readonly IndicatorDefinition[],
): Promise<Evaluation[]> {
  const earlier = previousYear(period);
  const load = (
    kind: ScopeKind,
    codes: readonly string[],
    p: Period,
  ): Promise<Array<MeasureValueData | Error>> =>
    ctx.measures.loadMany(codes.map((measure) => ({ scopeKind: kind, scopeCode, period: p.id, measure })));
  const pending = definitions.map((def) => {
    const kind = measureScopeKind(def, scopeKind);
    const current = measuresNeeded(def);
    const previous = measuresNeeded(def, true);
    return {
      def,
      current,
      previous,
      values: load(kind, current, period),
      earlier: load(kind, previous, earlier),
    };
  });
  const byCode = (
    codes: readonly string[],
    loaded: Array<MeasureValueData | Error>,
  ): Map<string, MeasureValueData> => {
    const map = new Map<string, MeasureValueData>();
    loaded.forEach((v, i) => {
      if (v instanceof Error) throw v;
      map.set(codes[i], v);
    });
    return map;
  };
  const results: Evaluation[] = [];
  const threshold = ctx.principal.suppressSmallCounts ? ctx.services.smallCountThreshold : 0;
  for (const p of pending) {
    const [values, earlierValues] = await Promise.all([p.values, p.earlier]);
    const evaluation = evaluateIndicator(
      p.def,
      scopeKind,
      scopeCode,
      period,
      byCode(p.current, values),
      byCode(p.previous, earlierValues),
    );
    results.push(threshold > 0 ? suppressSmallCounts(evaluation, threshold) : evaluation);
  }
  return results;
}
