import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { PeriodGranularityEnum } from '../../schema/enums';
import type { Period } from '../../schema/period';
import {
  MeasureAggregation,
  MeasureDescriptor,
  MeasureRequestInput,
  MeasureValue,
  ScopeKind,
} from './measures';
import type { MeasureValueData } from './measures';
import { ErrorCode } from '../../schema/errors';
import { accessOf } from './access';
import type { GuardedContext } from './access';

/** One (scope, period, measure) triple, with the period already parsed. */
export interface ParsedMeasureRequest {
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  readonly period: Period;
  readonly measure: string;
}

/** What a subgraph tells about one measure it serves. */
export interface ServedMeasure {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  /** Default: region and institution scopes. */
  readonly scopeKinds?: readonly ScopeKind[];
  /** Default: every granularity (year, half-year, quarter, month). */
  readonly granularities?: readonly PeriodGranularityEnum[];
}

const ALL_GRANULARITIES = Object.values(PeriodGranularityEnum);

/**
 * The measure protocol (`_measureCatalog`, `_measureValues`; `@inaccessible` in the supergraph)
 * as a resolver class for one subgraph: its measures, and the function answering a batch.
 */
export function createMeasuresResolver<TContext>(
  measures: readonly ServedMeasure[],
  compute: (requests: ParsedMeasureRequest[], ctx: TContext) => Promise<MeasureValueData[]>,
): new () => object {
  @Resolver()
  class MeasuresResolver {
    @Directive('@shareable')
    @Directive('@inaccessible')
    @Query(() => [MeasureDescriptor], {
      description: '度量目录 Measures this subgraph serves (internal protocol)',
    })
    _measureCatalog(): MeasureDescriptor[] {
      return measures.map((m) =>
        Object.assign(new MeasureDescriptor(), {
          code: m.code,
          nameZh: m.nameZh,
          nameEn: m.nameEn,
          unit: m.unit,
          aggregation: MeasureAggregation.SUM,
          scopeKinds: [...(m.scopeKinds ?? [ScopeKind.REGION, ScopeKind.INSTITUTION])],
          granularities: [...(m.granularities ?? ALL_GRANULARITIES)],
        }),
      );
    }

    @Directive('@shareable')
    @Directive('@inaccessible')
    @Query(() => [MeasureValue], {
      description: '度量值 Values for many (scope, period, measure) triples in one call (internal protocol)',
    })
    async _measureValues(
      @Arg('requests', () => [MeasureRequestInput], { description: '度量请求 The triples to compute' })
      requests: MeasureRequestInput[],
      @Ctx() ctx: TContext,
    ): Promise<MeasureValue[]> {
      const parsed: ParsedMeasureRequest[] = requests.map((r) => ({
        scopeKind: r.scope.kind,
        scopeCode: r.scope.code,
        period: r.period,
        measure: r.measure,
      }));
      // The caller's scope, per triple: refused triples answer FORBIDDEN, the others are computed.
      const guard = accessOf(ctx as unknown as GuardedContext);
      const decisions = await Promise.all(parsed.map((r) => guard.check(r.scopeKind, r.scopeCode)));
      const allowed = parsed.filter((_, i) => decisions[i].allowed);
      const computed = allowed.length > 0 ? await compute(allowed, ctx) : [];
      let next = 0;
      return parsed.map((r, i) => {
        const v: MeasureValueData = decisions[i].allowed
          ? computed[next++]
          : {
              scopeKind: r.scopeKind,
              scopeCode: r.scopeCode,
              period: r.period.id,
              measure: r.measure,
              value: null,
              complete: false,
              sources: [],
              missingInstitutions: [],
              uncoveredInstitutions: 0,
              error: ErrorCode.FORBIDDEN,
            };
        return Object.assign(new MeasureValue(), {
          ...v,
          evidence: v.evidence ?? [],
          error: v.error ?? null,
        });
      });
    }
  }
  return MeasuresResolver;
}
