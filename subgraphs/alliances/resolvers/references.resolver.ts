import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { memberDuring, overlaps } from '../../../adapters/registry/adapter';
import type { AllianceRecord } from '../../../adapters/registry/model';
import { periodEnd, periodStart } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import type { AlliancesContext } from '../context';
import { Alliance } from '../types/alliance';
import { AllianceKind } from '../types/enums';
import { InstitutionRef, RegionRef } from '../types/references';
import { toAlliance } from './mappers';

const byId = (a: AllianceRecord, b: AllianceRecord): number => a.allianceId.localeCompare(b.allianceId);

@Resolver(() => InstitutionRef)
export class InstitutionAlliancesResolver {
  @FieldResolver(() => [Alliance], {
    description:
      '所属医联体 Alliances the institution belongs to (its membership overlaps the period; every recorded membership when no period is given), ordered by id',
  })
  async alliances(
    @Root() institution: InstitutionRef,
    @Arg('period', () => PeriodScalar, {
      nullable: true,
      description: '统计期 Period: only memberships overlapping it',
    })
    period: Period | undefined,
    @Arg('kind', () => AllianceKind, { nullable: true, description: '类型 Only alliances of this kind' })
    kind: AllianceKind | undefined,
    @Ctx() ctx: AlliancesContext,
  ): Promise<Alliance[]> {
    const memberships = await ctx.registry.membershipsOfInstitution.load(institution.orgCode);
    const ids = [
      ...new Set(
        memberships
          .filter((m) => !period || memberDuring(m, periodStart(period), periodEnd(period)))
          .map((m) => m.allianceId),
      ),
    ];
    const found = await ctx.registry.allianceById.loadMany(ids);
    const list: AllianceRecord[] = [];
    for (const a of found) {
      if (a instanceof Error) throw a;
      if (a && (!kind || a.kind === kind)) list.push(a);
    }
    return list.sort(byId).map(toAlliance);
  }
}

@Resolver(() => RegionRef)
export class RegionAlliancesResolver {
  @FieldResolver(() => [Alliance], {
    description:
      '医联体 Alliances whose grid division is this region or below it (existing during the period when one is given), ordered by id',
  })
  async alliances(
    @Root() region: RegionRef,
    @Arg('kind', () => AllianceKind, { nullable: true, description: '类型 Only alliances of this kind' })
    kind: AllianceKind | undefined,
    @Arg('period', () => PeriodScalar, {
      nullable: true,
      description:
        '统计期 Period: only alliances established before its end and not dissolved before its start',
    })
    period: Period | undefined,
    @Ctx() ctx: AlliancesContext,
  ): Promise<Alliance[]> {
    const subtree = (await ctx.registry.divisions()).subtree(region.code);
    return (await ctx.registry.alliances())
      .filter((a) => a.divisionCode !== null && subtree.has(a.divisionCode))
      .filter((a) => !kind || a.kind === kind)
      .filter(
        (a) => !period || overlaps(a.establishedOn, a.dissolvedOn, periodStart(period), periodEnd(period)),
      )
      .sort(byId)
      .map(toAlliance);
  }
}
