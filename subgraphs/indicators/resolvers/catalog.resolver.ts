import { Arg, Query, Resolver } from 'type-graphql';
import { indicatorCatalog } from '../../../schema/catalog';
import { ErrorCode, userError } from '../../../schema/errors';
import {
  EvaluationFormCode,
  IndicatorDefinitionType,
  IndicatorKindEnum,
  IndicatorScopeLevel,
} from '../types/definition';
import { toDefinitionType } from './mappers';

@Resolver()
export class CatalogResolver {
  @Query(() => [IndicatorDefinitionType], {
    description:
      '指标目录 The indicator catalog (seed 004 and local plans); every filter given must hold (AND)',
  })
  indicatorCatalog(
    @Arg('scope', () => IndicatorScopeLevel, {
      nullable: true,
      description:
        '适用层级 Only indicators for this scope level (province, city, county, alliance, institution)',
    })
    scope: IndicatorScopeLevel | undefined,
    @Arg('form', () => EvaluationFormCode, {
      nullable: true,
      description: '考核表 Only indicators that fill a row of this evaluation form',
    })
    form: EvaluationFormCode | undefined,
    @Arg('kind', () => IndicatorKindEnum, {
      nullable: true,
      description: '指标类型 Only quantitative, qualitative (定性) or not-available entries',
    })
    kind: IndicatorKindEnum | undefined,
  ): IndicatorDefinitionType[] {
    return indicatorCatalog
      .filter(
        (d) =>
          (!scope || d.scopes.includes(scope)) &&
          (!form || d.forms.some((f) => f.startsWith(`${form}:`))) &&
          (!kind || d.kind === kind),
      )
      .map(toDefinitionType);
  }

  @Query(() => IndicatorDefinitionType, {
    description: '指标 One catalog entry by code. Unknown codes fail with UNKNOWN_INDICATOR.',
  })
  indicator(
    @Arg('code', () => String, { description: '指标代码 Indicator code' }) code: string,
  ): IndicatorDefinitionType {
    const found = indicatorCatalog.find((d) => d.code === code);
    if (!found)
      throw userError(ErrorCode.UNKNOWN_INDICATOR, `Unknown indicator ${code.slice(0, 64)} (指标代码不存在)`);
    return toDefinitionType(found);
  }
}
