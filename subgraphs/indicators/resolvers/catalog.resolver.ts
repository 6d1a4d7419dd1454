import { Arg, Query, Resolver } from 'type-graphql';
import { indicatorCatalog } from '../../../schema/catalog';
import { ErrorCode, userError } from '../../../schema/errors';
import { IndicatorDefinitionType, IndicatorScopeLevel } from '../types/definition';
import { toDefinitionType } from './mappers';

@Resolver()
export class CatalogResolver {
  @Query(() => [IndicatorDefinitionType], {
    description:
      '指标目录 The indicator catalog (seed 004 and local plans), optionally only those for one scope level',
  })
  indicatorCatalog(
    @Arg('scope', () => IndicatorScopeLevel, {
      nullable: true,
      description: '适用层级 Only indicators for this scope',
    })
    scope: IndicatorScopeLevel | undefined,
  ): IndicatorDefinitionType[] {
    return indicatorCatalog.filter((d) => !scope || d.scopes.includes(scope)).map(toDefinitionType);
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
