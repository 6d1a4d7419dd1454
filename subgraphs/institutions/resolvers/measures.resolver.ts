import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import {
  MeasureAggregation,
  MeasureDescriptor,
  MeasureRequestInput,
  MeasureValue,
  ScopeKind,
} from '../../common/measures';
import type { InstitutionsContext } from '../context';
import { institutionMeasures } from '../measures/catalog';
import { computeMeasureValues } from '../measures/compute';

/** The measure protocol of this subgraph (internal: `@inaccessible` in the supergraph). */
@Resolver()
export class MeasuresResolver {
  @Directive('@shareable')
  @Directive('@inaccessible')
  @Query(() => [MeasureDescriptor], {
    description: '度量目录 Measures this subgraph serves (internal protocol)',
  })
  _measureCatalog(): MeasureDescriptor[] {
    return institutionMeasures.map((m) =>
      Object.assign(new MeasureDescriptor(), {
        code: m.code,
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        unit: m.unit,
        aggregation: MeasureAggregation.SUM,
        scopeKinds: [ScopeKind.REGION, ScopeKind.INSTITUTION],
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
    @Ctx() ctx: InstitutionsContext,
  ): Promise<MeasureValue[]> {
    const values = await computeMeasureValues(
      requests.map((r) => ({
        scopeKind: r.scope.kind,
        scopeCode: r.scope.code,
        period: r.period,
        measure: r.measure,
      })),
      ctx,
    );
    return values.map((v) => Object.assign(new MeasureValue(), v));
  }
}
