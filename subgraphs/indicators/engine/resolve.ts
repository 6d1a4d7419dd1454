import type { IndicatorDefinition } from '../../../schema/catalog';
import { previousYear } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { MeasureValueData, ScopeKind } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { evaluateIndicator, measuresNeeded } from './evaluate';
import type { Evaluation } from './evaluate';

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
  const load = (codes: readonly string[], p: Period): Promise<Array<MeasureValueData | Error>> =>
    ctx.measures.loadMany(codes.map((measure) => ({ scopeKind, scopeCode, period: p.id, measure })));
  const pending = definitions.map((def) => {
    const current = measuresNeeded(def);
    const previous = measuresNeeded(def, true);
    return { def, current, previous, values: load(current, period), earlier: load(previous, earlier) };
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
  for (const p of pending) {
    const [values, earlierValues] = await Promise.all([p.values, p.earlier]);
    results.push(
      evaluateIndicator(
        p.def,
        scopeKind,
        scopeCode,
        period,
        byCode(p.current, values),
        byCode(p.previous, earlierValues),
      ),
    );
  }
  return results;
}
