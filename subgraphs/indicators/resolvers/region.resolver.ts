import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { indicatorCatalog } from '../../../schema/catalog';
import type { IndicatorDefinition, ScopeLevel } from '../../../schema/catalog';
import { ErrorCode, userError } from '../../../schema/errors';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import { ScopeKind } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { evaluateForScope } from '../engine/resolve';
import { RegionIndicators } from '../types/region';
import { IndicatorValue } from '../types/value';
import { toIndicatorValue } from './mappers';

const MAX_CODES = 200;

/** The catalog entries asked for, checked: unknown, empty and inapplicable codes are errors. */
export function selectIndicators(
  codes: readonly string[] | undefined,
  level: ScopeLevel,
): IndicatorDefinition[] {
  if (codes === undefined || codes === null) return indicatorCatalog.filter((d) => d.scopes.includes(level));
  if (codes.length === 0) {
    throw userError(
      ErrorCode.EMPTY_CODE_LIST,
      'codes is an empty list: omit it to ask for every indicator of the scope (指标代码列表为空)',
    );
  }
  if (codes.length > MAX_CODES) {
    throw userError(
      ErrorCode.BAD_USER_INPUT,
      `At most ${MAX_CODES} indicator codes per field (指标代码过多)`,
    );
  }
  return [...new Set(codes)].map((code) => {
    const found = indicatorCatalog.find((d) => d.code === code);
    if (!found) {
      throw userError(
        ErrorCode.UNKNOWN_INDICATOR,
        `Unknown indicator ${code.slice(0, 64)} (指标代码不存在)`,
        {
          indicator: code.slice(0, 64),
        },
      );
    }
    if (!found.scopes.includes(level)) {
      throw userError(
        ErrorCode.INDICATOR_NOT_APPLICABLE,
        `Indicator ${code} does not apply to a ${level} scope (指标不适用于该层级)`,
        { indicator: code },
      );
    }
    return found;
  });
}

@Resolver(() => RegionIndicators)
export class RegionIndicatorsResolver {
  @Directive('@requires(fields: "level")')
  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description:
      '指标 Indicators of this region for one period, resolved on demand from the legacy sources. Errors: INVALID_PERIOD, PERIOD_IN_FUTURE, UNKNOWN_INDICATOR, EMPTY_CODE_LIST, INDICATOR_NOT_APPLICABLE.',
  })
  async indicators(
    @Root() region: RegionIndicators,
    @Arg('period', () => PeriodScalar, { description: '统计期 Period: 2019, 2019H1, 2019Q3 or 2019-06' })
    period: Period,
    @Arg('codes', () => [String], {
      nullable: true,
      description: '指标代码 Indicator codes; omit for every indicator applicable to the region level',
    })
    codes: string[] | undefined,
    @Ctx() ctx: IndicatorsContext,
  ): Promise<IndicatorValue[]> {
    const definitions = selectIndicators(codes, region.level);
    const evaluations = await evaluateForScope(ctx, ScopeKind.REGION, region.code, period, definitions);
    return evaluations.map(toIndicatorValue);
  }
}
