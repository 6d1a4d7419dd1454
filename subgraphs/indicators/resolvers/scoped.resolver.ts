import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import { ScopeKind } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { evaluateForScope } from '../engine/resolve';
import { AllianceIndicators, InstitutionIndicators } from '../types/entities';
import { IndicatorValue } from '../types/value';
import { toIndicatorValue } from './mappers';
import { selectIndicators } from './region.resolver';

const ERRORS =
  'Errors: INVALID_PERIOD, PERIOD_IN_FUTURE, UNKNOWN_INDICATOR, EMPTY_CODE_LIST, INDICATOR_NOT_APPLICABLE.';

@Resolver(() => InstitutionIndicators)
export class InstitutionIndicatorsResolver {
  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description: `指标 Indicators of this institution (表3/表4 items) for one period, resolved on demand. ${ERRORS}`,
  })
  async indicators(
    @Root() institution: InstitutionIndicators,
    @Arg('period', () => PeriodScalar, { description: '统计期 Period: 2019, 2019H1, 2019Q3 or 2019-06' })
    period: Period,
    @Arg('codes', () => [String], {
      nullable: true,
      description: '指标代码 Indicator codes; omit for every indicator applicable to an institution',
    })
    codes: string[] | undefined,
    @Ctx() ctx: IndicatorsContext,
  ): Promise<IndicatorValue[]> {
    const definitions = selectIndicators(codes, 'INSTITUTION');
    const evaluations = await evaluateForScope(
      ctx,
      ScopeKind.INSTITUTION,
      institution.orgCode,
      period,
      definitions,
    );
    return evaluations.map(toIndicatorValue);
  }
}

@Resolver(() => AllianceIndicators)
export class AllianceIndicatorsResolver {
  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description: `指标 Indicators of this alliance (its members during the period) for one period. ${ERRORS}`,
  })
  async indicators(
    @Root() alliance: AllianceIndicators,
    @Arg('period', () => PeriodScalar, { description: '统计期 Period: 2019, 2019H1, 2019Q3 or 2019-06' })
    period: Period,
    @Arg('codes', () => [String], {
      nullable: true,
      description: '指标代码 Indicator codes; omit for every indicator applicable to an alliance',
    })
    codes: string[] | undefined,
    @Ctx() ctx: IndicatorsContext,
  ): Promise<IndicatorValue[]> {
    const definitions = selectIndicators(codes, 'ALLIANCE');
    const evaluations = await evaluateForScope(ctx, ScopeKind.ALLIANCE, alliance.id, period, definitions);
    return evaluations.map(toIndicatorValue);
  }
}
