import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ConnectionData } from '../../common/connection';
import { ScopeKind } from '../../common/measures';
import { ErrorCode, userError } from '../../../schema/errors';
import type { Period } from '../../../schema/period';
import { DivisionCodeScalar, OrgCodeScalar, PeriodScalar } from '../../../schema/scalars';
import type { InstitutionsContext } from '../context';
import { Institution } from '../types/institution';
import { InstitutionConnection, InstitutionListArgs } from '../types/institution-list';
import { Region } from '../types/region';
import { ServiceVolume } from '../types/service-volume';
import { institutionPage, serviceVolume } from './lists';
import { toInstitution, toRegion } from './mappers';

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => Institution, {
    description: '医疗卫生机构 One institution by its code. Unknown codes fail with UNKNOWN_INSTITUTION.',
  })
  async institution(
    @Arg('orgCode', () => OrgCodeScalar, { description: '机构代码 18-character unified social credit code' })
    orgCode: string,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<Institution> {
    const found = await ctx.registry.institutionByCode.load(orgCode);
    if (!found) throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${orgCode} (机构不存在)`);
    return toInstitution(found);
  }

  @FieldResolver(() => Region, { nullable: true, description: '所在区划 County-level division it stands in' })
  async region(@Root() institution: Institution, @Ctx() ctx: InstitutionsContext): Promise<Region | null> {
    const found = (await ctx.registry.divisions()).get(institution.divisionCode);
    return found ? toRegion(found) : null;
  }

  @Query(() => InstitutionConnection, {
    description:
      '机构列表 Institutions of the registry standing in the counties of one division (every county when none is given), ordered by org code, paged',
  })
  institutions(
    @Arg('divisionCode', () => DivisionCodeScalar, {
      nullable: true,
      description: '行政区划代码 Only institutions in this division or below it',
    })
    divisionCode: string | undefined,
    @Args(() => InstitutionListArgs) args: InstitutionListArgs,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<ConnectionData<Institution>> {
    return institutionPage(ctx, divisionCode ?? null, args, args);
  }

  @FieldResolver(() => ServiceVolume, {
    nullable: true,
    description:
      '服务量 Service volume of the institution in a period (visits, discharges, beds, surgeries, CT, chronic management)',
  })
  serviceVolume(
    @Root() institution: Institution,
    @Arg('period', () => PeriodScalar, { description: '统计期 Period (2019, 2019H1, 2019Q3 or 2019-06)' })
    period: Period,
  ): ServiceVolume {
    return serviceVolume(ScopeKind.INSTITUTION, institution.orgCode, period);
  }
}

/** Entity reference, batched: every Institution representation of one operation is one registry statement. */
export async function resolveInstitutionReference(
  reference: Record<string, unknown>,
  ctx: InstitutionsContext,
): Promise<Institution | null> {
  const found = await ctx.registry.institutionByCode.load(String(reference.orgCode));
  return found ? toInstitution(found) : null;
}
