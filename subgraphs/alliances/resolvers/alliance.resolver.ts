import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { inForceOn, memberDuring, overlaps } from '../../../adapters/registry/adapter';
import { periodEnd, periodStart } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { DivisionCodeScalar, PeriodScalar } from '../../../schema/scalars';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate } from '../../common/connection';
import type { ConnectionData } from '../../common/connection';
import type { AlliancesContext } from '../context';
import { unknownAlliance } from '../errors';
import {
  Alliance,
  AllianceConnection,
  AllianceMechanism,
  AllianceMember,
  SharedCenter,
} from '../types/alliance';
import { AllianceKind } from '../types/enums';
import { InstitutionRef, RegionRef, institutionRef, regionRef } from '../types/references';
import { toAlliance, toMechanism, toMember, toSharedCenter } from './mappers';
import { timePointOf } from './time-point';

const ROLE_ORDER = { LEAD: 0, MEMBER: 1 } as const;

@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, {
    description: '医联体 One alliance by its registry id. Unknown ids fail with UNKNOWN_ALLIANCE.',
  })
  async alliance(
    @Arg('id', () => String, { description: '医联体标识 Registry id of the alliance' }) id: string,
    @Ctx() ctx: AlliancesContext,
  ): Promise<Alliance> {
    const found = await ctx.registry.allianceById.load(id);
    if (!found) throw unknownAlliance(id);
    return toAlliance(found);
  }

  @Query(() => AllianceConnection, {
    description:
      '医联体列表 Alliances of the registry, ordered by id, a page at a time (cursor connection); optionally of one kind, with their grid division in the subtree of one division, and/or existing during a period',
  })
  async alliances(
    @Arg('kind', () => AllianceKind, { nullable: true, description: '类型 Only this kind' })
    kind: AllianceKind | undefined,
    @Arg('divisionCode', () => DivisionCodeScalar, {
      nullable: true,
      description: '行政区划代码 Only alliances whose grid division is this division or below it',
    })
    divisionCode: string | undefined,
    @Arg('activeDuring', () => PeriodScalar, {
      nullable: true,
      description:
        '存续统计期 Only alliances existing during this period (established before its end, not dissolved before its start)',
    })
    activeDuring: Period | undefined,
    @Arg('first', () => Int, {
      nullable: true,
      description: `每页数量 Page size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE})`,
    })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: '游标 Return the items after this cursor (endCursor of the previous page)',
    })
    after: string | undefined,
    @Ctx() ctx: AlliancesContext,
  ): Promise<ConnectionData<Alliance>> {
    const subtree = divisionCode ? await ctx.registry.subtreeOf(divisionCode) : null;
    const list = (await ctx.registry.alliances())
      .filter((a) => !kind || a.kind === kind)
      .filter((a) => !subtree || (a.divisionCode !== null && subtree.has(a.divisionCode)))
      .filter(
        (a) =>
          !activeDuring ||
          overlaps(a.establishedOn, a.dissolvedOn, periodStart(activeDuring), periodEnd(activeDuring)),
      )
      .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0))
      .map(toAlliance);
    return paginate(list, { first, after }, (a) => a.id);
  }

  @FieldResolver(() => InstitutionRef, {
    nullable: true,
    description: '牵头单位 Lead institution; null if the registry names none',
  })
  lead(@Root() alliance: Alliance): InstitutionRef | null {
    return alliance.leadOrgCode ? institutionRef(alliance.leadOrgCode) : null;
  }

  @FieldResolver(() => RegionRef, {
    nullable: true,
    description: '网格区划 Grid (网格) division the alliance covers; null if not recorded',
  })
  region(@Root() alliance: Alliance): RegionRef | null {
    return alliance.divisionCode ? regionRef(alliance.divisionCode) : null;
  }

  @FieldResolver(() => [AllianceMember], {
    description:
      '成员 Members (the lead included, role LEAD): those whose membership overlaps the period, or every recorded membership when no period is given; lead first, then by org code',
  })
  async members(
    @Root() alliance: Alliance,
    @Arg('period', () => PeriodScalar, {
      nullable: true,
      description: '统计期 Period: only memberships overlapping it (2019, 2019H1, 2019Q3 or 2019-06)',
    })
    period: Period | undefined,
    @Ctx() ctx: AlliancesContext,
  ): Promise<AllianceMember[]> {
    const rows = await ctx.registry.membersOfAlliance.load(alliance.id);
    return rows
      .filter((m) => !period || memberDuring(m, periodStart(period), periodEnd(period)))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.orgCode.localeCompare(b.orgCode))
      .map(toMember);
  }

  @FieldResolver(() => [AllianceMechanism], {
    description:
      '机制与制度 Mechanisms recorded for the alliance, each with whether it is in force on the day asked; ordered by start date',
  })
  async mechanisms(
    @Root() alliance: Alliance,
    @Arg('asOf', () => String, {
      nullable: true,
      description:
        '时间点 Day to judge on: a date (yyyy-MM-dd) or a period (its last day, 统计时间点); default today',
    })
    asOf: string | undefined,
    @Arg('inForceOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: '仅有效 Only the mechanisms in force on that day',
    })
    inForceOnly: boolean,
    @Ctx() ctx: AlliancesContext,
  ): Promise<AllianceMechanism[]> {
    const t = timePointOf(asOf);
    const rows = await ctx.registry.mechanismsOfAlliance.load(alliance.id);
    return rows
      .map((m) => ({ m, inForce: inForceOn(m.since, m.until, t) }))
      .filter((x) => !inForceOnly || x.inForce)
      .sort((a, b) => (a.m.since ?? '').localeCompare(b.m.since ?? '') || a.m.item.localeCompare(b.m.item))
      .map((x) => toMechanism(x.m, x.inForce));
  }

  @FieldResolver(() => [SharedCenter], {
    description: '区域共享中心 Shared centres belonging to the alliance, ordered by id',
  })
  async sharedCenters(@Root() alliance: Alliance, @Ctx() ctx: AlliancesContext): Promise<SharedCenter[]> {
    const rows = await ctx.registry.sharedCentersOfAlliance.load(alliance.id);
    return [...rows].sort((a, b) => a.centerId.localeCompare(b.centerId)).map(toSharedCenter);
  }
}

/** Entity reference, batched: every Alliance representation of one operation is one statement. */
export async function resolveAllianceReference(
  reference: Record<string, unknown>,
  ctx: AlliancesContext,
): Promise<Alliance | null> {
  const found = await ctx.registry.allianceById.load(String(reference.id));
  return found ? toAlliance(found) : null;
}
