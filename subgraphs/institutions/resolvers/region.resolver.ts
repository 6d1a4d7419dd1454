import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { rollUpDivisionStats } from '../../../adapters';
import type { ConnectionData } from '../../common/connection';
import { ScopeKind } from '../../common/measures';
import { RegionLevel } from '../../../schema/enums';
import { ErrorCode, userError } from '../../../schema/errors';
import type { Period } from '../../../schema/period';
import { DivisionCodeScalar, PeriodScalar } from '../../../schema/scalars';
import type { InstitutionsContext } from '../context';
import type { Institution } from '../types/institution';
import { InstitutionConnection, InstitutionListArgs } from '../types/institution-list';
import { Region } from '../types/region';
import { ServiceVolume } from '../types/service-volume';
import { PopulationStatistics } from '../types/statistics';
import { institutionPage, serviceVolume } from './lists';
import { toRegion } from './mappers';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, {
    description: '行政区划 One region by its division code. Unknown codes fail with UNKNOWN_DIVISION.',
  })
  async region(
    @Arg('code', () => DivisionCodeScalar, { description: '行政区划代码 Six-digit division code' })
    code: string,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<Region> {
    return toRegion(await ctx.registry.division(code));
  }

  @Query(() => [Region], {
    description: '行政区划列表 Regions of the registry, optionally of one level and/or under one parent',
  })
  async regions(
    @Arg('level', () => RegionLevel, { nullable: true, description: '层级 Only this level' })
    level: RegionLevel | undefined,
    @Arg('parentCode', () => DivisionCodeScalar, {
      nullable: true,
      description: '上级区划代码 Only the direct children of this division',
    })
    parentCode: string | undefined,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<Region[]> {
    const index = await ctx.registry.divisions();
    if (parentCode) await ctx.registry.division(parentCode);
    const list = parentCode ? index.children(parentCode) : index.all();
    return list.filter((d) => !level || d.level === level).map(toRegion);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: '上级区划 Enclosing division; null for a province',
  })
  async parent(@Root() region: Region, @Ctx() ctx: InstitutionsContext): Promise<Region | null> {
    if (!region.parentCode) return null;
    const found = (await ctx.registry.divisions()).get(region.parentCode);
    return found ? toRegion(found) : null;
  }

  @FieldResolver(() => [Region], { description: '下级区划 Direct sub-divisions, ordered by code' })
  async children(@Root() region: Region, @Ctx() ctx: InstitutionsContext): Promise<Region[]> {
    return (await ctx.registry.divisions()).children(region.code).map(toRegion);
  }

  @FieldResolver(() => PopulationStatistics, {
    nullable: true,
    description:
      "人口统计 Population statistics of a year: the division's own row, else summed from the divisions below (derived); null when neither exists",
  })
  async statistics(
    @Root() region: Region,
    @Arg('year', () => Int, { description: '年度 Statistical year' }) year: number,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<PopulationStatistics | null> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999)
      throw userError(ErrorCode.BAD_USER_INPUT, `Invalid year ${year} (年度无效)`);
    const [index, stats] = await Promise.all([ctx.registry.divisions(), ctx.divisionStats.load(year)]);
    const found = rollUpDivisionStats(region.code, year, stats, (c) => index.children(c).map((d) => d.code));
    return found ? Object.assign(new PopulationStatistics(), found) : null;
  }

  @FieldResolver(() => InstitutionConnection, {
    description:
      '辖区机构 Institutions standing in the counties of this region (itself or below), ordered by org code, paged',
  })
  institutions(
    @Root() region: Region,
    @Args(() => InstitutionListArgs) args: InstitutionListArgs,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<ConnectionData<Institution>> {
    return institutionPage(ctx, region.code, args, args);
  }

  @FieldResolver(() => ServiceVolume, {
    nullable: true,
    description:
      "服务量 Service volume of the region's institutions in a period (visits, discharges, beds, surgeries, CT, chronic management, survey)",
  })
  serviceVolume(
    @Root() region: Region,
    @Arg('period', () => PeriodScalar, { description: '统计期 Period (2019, 2019H1, 2019Q3 or 2019-06)' })
    period: Period,
  ): ServiceVolume {
    return serviceVolume(ScopeKind.REGION, region.code, period);
  }
}

/** Entity reference: a Region known to another subgraph only by its code. */
export async function resolveRegionReference(
  reference: Record<string, unknown>,
  ctx: InstitutionsContext,
): Promise<Region | null> {
  const found = (await ctx.registry.divisions()).get(String(reference.code));
  return found ? toRegion(found) : null;
}
