import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { indicatorCatalog } from '../../../schema/catalog';
import { ErrorCode, userError } from '../../../schema/errors';
import { parsePeriod, previousYear } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { IndicatorsContext } from '../context';
import { evaluateForScope } from '../engine/resolve';
import { IndicatorPoint, IndicatorValue, MissingReason } from '../types/value';
import { displayValue } from './mappers';

const MAX_YEARS = 10;

/** The same period of `years` consecutive years ending with `period`, oldest first. */
export function sameMonthsOfYears(period: Period, years: number): Period[] {
  const out = [period];
  while (out.length < years) out.unshift(previousYear(out[0]));
  return out;
}

@Resolver(() => IndicatorValue)
export class IndicatorHistoryResolver {
  @FieldResolver(() => [IndicatorPoint], {
    description:
      '近三年变化 The indicator for the same period of the last `years` years, oldest first, each with its change against the year before (2018 考核: 近三年的变化情况). All values of an operation are fetched in one batch.',
  })
  async history(
    @Root() value: IndicatorValue,
    @Arg('years', () => Int, {
      defaultValue: 3,
      description: '年数 Number of years, this one included (1–10)',
    })
    years: number,
    @Ctx() ctx: IndicatorsContext,
  ): Promise<IndicatorPoint[]> {
    if (!Number.isInteger(years) || years < 1 || years > MAX_YEARS) {
      throw userError(ErrorCode.BAD_USER_INPUT, `years must be 1–${MAX_YEARS} (年数超出范围)`);
    }
    const definition = indicatorCatalog.find((d) => d.code === value.code);
    if (!definition) throw userError(ErrorCode.UNKNOWN_INDICATOR, `Unknown indicator ${value.code}`);
    const periods = sameMonthsOfYears(parsePeriod(value.period), years);
    const evaluations = await Promise.all(
      periods.map((p) => evaluateForScope(ctx, value.scopeKind, value.scopeCode, p, [definition])),
    );
    return evaluations.map(([e], i) => {
      const before = i > 0 ? evaluations[i - 1][0].value : null;
      return Object.assign(new IndicatorPoint(), {
        period: e.period,
        value: e.value,
        display: displayValue(definition, e.value),
        missing: e.missing ? MissingReason[e.missing] : null,
        change: e.value === null || before === null ? null : e.value - before,
      });
    });
  }
}
