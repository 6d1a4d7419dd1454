import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, userError } from '../../../schema/errors';
import { OrgCodeScalar } from '../../../schema/scalars';
import type { InstitutionsContext } from '../context';
import { Institution } from '../types/institution';
import { Region } from '../types/region';
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
}

/** Entity reference, batched: every Institution representation of one operation is one registry statement. */
export async function resolveInstitutionReference(
  reference: Record<string, unknown>,
  ctx: InstitutionsContext,
): Promise<Institution | null> {
  const found = await ctx.registry.institutionByCode.load(String(reference.orgCode));
  return found ? toInstitution(found) : null;
}
