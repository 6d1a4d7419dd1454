import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RegionLevel } from '../../../schema/enums';
import { DivisionCodeScalar } from '../../../schema/scalars';
import type { InstitutionsContext } from '../context';
import { Region } from '../types/region';
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
}

/** Entity reference: a Region known to another subgraph only by its code. */
export async function resolveRegionReference(
  reference: Record<string, unknown>,
  ctx: InstitutionsContext,
): Promise<Region | null> {
  const found = (await ctx.registry.divisions()).get(String(reference.code));
  return found ? toRegion(found) : null;
}
