import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { ErrorCode, userError } from '../../../schema/errors';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import { ScopeKind } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { evaluateForScope } from '../engine/resolve';
import { accessOf } from '../../common/access';
import type { GuardedScope } from '../../common/access';
import { EvaluationScopeInput } from '../types/form';
import { IndicatorValue } from '../types/value';
import { scopeLevel } from './form.resolver';
import { toIndicatorValue } from './mappers';
import { selectIndicators } from './region.resolver';

const MAX_SCOPES = 200;

@ObjectType({ description: '范围指标 The indicators of one scope in a batch answer' })
export class ScopeIndicators {
  @Field(() => ScopeKind, { description: '范围类型 Scope kind' })
  scopeKind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Scope code' })
  scopeCode!: string;

  @Field(() => [IndicatorValue], { description: '指标 Indicator values, in the order asked' })
  indicators!: IndicatorValue[];
}

@Resolver()
export class IndicatorBatchResolver {
  @Query(() => [ScopeIndicators], {
    nullable: true,
    description:
      '批量指标 Indicators of many scopes (regions, institutions, alliances) for one period in one request — for dashboards. Every measure needed is fetched once, in one call per owning subgraph. Errors: as indicators(...), and BAD_USER_INPUT for more than 200 scopes.',
  })
  async indicatorValues(
    @Arg('scopes', () => [EvaluationScopeInput], { description: '范围 The scopes, at most 200' })
    scopes: EvaluationScopeInput[],
    @Arg('period', () => PeriodScalar, { description: '统计期 Period: 2019, 2019H1, 2019Q3 or 2019-06' })
    period: Period,
    @Arg('codes', () => [String], {
      nullable: true,
      description: '指标代码 Indicator codes; omit for every indicator applicable to each scope',
    })
    codes: string[] | undefined,
    @Ctx() ctx: IndicatorsContext,
  ): Promise<ScopeIndicators[]> {
    if (scopes.length === 0 || scopes.length > MAX_SCOPES) {
      throw userError(ErrorCode.BAD_USER_INPUT, `Ask for 1–${MAX_SCOPES} scopes (范围数量超出限制)`);
    }
    // Validate every scope and code first, then ask for everything before awaiting anything.
    const plans = scopes.map((s) => ({ scope: s, definitions: selectIndicators(codes, scopeLevel(s)) }));
    const guard = accessOf(ctx);
    await Promise.all(plans.map((p) => guard.assert(p.scope.kind as GuardedScope, p.scope.code)));
    const evaluated = await Promise.all(
      plans.map((p) => evaluateForScope(ctx, p.scope.kind, p.scope.code, period, p.definitions)),
    );
    return evaluated.map((evaluations, i) =>
      Object.assign(new ScopeIndicators(), {
        scopeKind: plans[i].scope.kind,
        scopeCode: plans[i].scope.code,
        indicators: evaluations.map(toIndicatorValue),
      }),
    );
  }
}
