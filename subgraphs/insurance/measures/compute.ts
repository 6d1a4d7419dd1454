import { ErrorCode, userError } from '../../../schema/errors';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import type { ScopeKind } from '../../common/measures';
import type { MeasureValueData } from '../../common/measures';
import type { InsuranceContext } from '../context';
import { measureByCode } from './catalog';
import { scopeFacts, scopeRequestKey } from './facts';
import type { ScopeRequest } from './facts';

/**
 * Answer a batch of insurance measure requests: the distinct (scope, period) pairs read in one
 * batch (registry statements and one statement per insurance source, whatever the batch), then
 * each value from its scope's facts. Without an answering insurance source every value is null
 * (not counted): missing is not zero.
 */
export async function computeInsuranceValues(
  requests: readonly ParsedMeasureRequest[],
  ctx: InsuranceContext,
): Promise<MeasureValueData[]> {
  const measures = requests.map((r) => {
    const m = measureByCode.get(r.measure);
    if (!m)
      throw userError(
        ErrorCode.UNKNOWN_MEASURE,
        `Unknown measure ${r.measure.slice(0, 64)} (度量代码不存在)`,
      );
    if (!(m.scopeKinds ?? []).includes(r.scopeKind))
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Measure ${m.code} is not served for scope kind ${r.scopeKind} (统计范围不适用)`,
      );
    return m;
  });
  if (requests.length === 0) return [];

  const scopes = new Map<string, ScopeRequest>();
  for (const r of requests) {
    const scope: ScopeRequest = {
      kind: r.scopeKind as ScopeKind.REGION | ScopeKind.INSTITUTION,
      code: r.scopeCode,
      period: r.period,
    };
    scopes.set(scopeRequestKey(scope), scope);
  }
  // Measures use the projected keys only: closed periods read projected roll-ups.
  const facts = await scopeFacts([...scopes.values()], ctx, { measuresOnly: true });
  const factsByKey = new Map(facts.map((f) => [scopeRequestKey(f.request), f]));

  return requests.map((request, i) => {
    const f = factsByKey.get(
      scopeRequestKey({
        kind: request.scopeKind as ScopeKind.REGION | ScopeKind.INSTITUTION,
        code: request.scopeCode,
        period: request.period,
      }),
    )!;
    return {
      scopeKind: request.scopeKind,
      scopeCode: request.scopeCode,
      period: request.period.id,
      measure: request.measure,
      value: f.available ? measures[i].value(f) : null,
      complete: f.complete,
      sources: f.sources,
      missingInstitutions: [],
      uncoveredInstitutions: 0,
    };
  });
}
