import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import { ScopeKind } from '../../common/measures';
import type { InsuranceContext } from '../context';
import { InstitutionRef, RegionRef } from '../types/references';
import { InsuranceSummary } from '../types/summary';

@Resolver(() => RegionRef)
export class RegionInsuranceResolver {
  @FieldResolver(() => InsuranceSummary, {
    nullable: true,
    description:
      '医保结算 Insurance settlements of the insured of this region (参保地 insu_admdvs in its subtree), wherever they were treated: totals, breakdowns and 县域内就诊率',
  })
  insurance(
    @Root() region: RegionRef,
    @Arg('period', () => PeriodScalar, {
      description: '统计期 Period (2019, 2019H1, 2019Q3 or 2019-06), by settlement time',
    })
    period: Period,
    @Ctx() ctx: InsuranceContext,
  ): Promise<InsuranceSummary> {
    return ctx.summaries.load({ kind: ScopeKind.REGION, code: region.code, period });
  }
}

@Resolver(() => InstitutionRef)
export class InstitutionInsuranceResolver {
  @FieldResolver(() => InsuranceSummary, {
    nullable: true,
    description:
      '医保结算 Insurance settlements at this institution (its 定点医药机构编码 through ins_org_map), whoever the insured: totals and breakdowns',
  })
  insurance(
    @Root() institution: InstitutionRef,
    @Arg('period', () => PeriodScalar, {
      description: '统计期 Period (2019, 2019H1, 2019Q3 or 2019-06), by settlement time',
    })
    period: Period,
    @Ctx() ctx: InsuranceContext,
  ): Promise<InsuranceSummary> {
    return ctx.summaries.load({ kind: ScopeKind.INSTITUTION, code: institution.orgCode, period });
  }
}
