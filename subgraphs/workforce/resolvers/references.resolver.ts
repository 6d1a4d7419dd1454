import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import type { WorkforceContext } from '../context';
import { institutionScope, regionScope } from '../summaries';
import { InstitutionRef, RegionRef } from '../types/references';
import { FamilyDoctorSummary, WorkforceSummary } from '../types/summary';
import { familyDoctorSummary, workforceSummary } from './mappers';

const PERIOD_DESCRIPTION =
  '统计期 Period (2019, 2019H1, 2019Q3 or 2019-06): states at its last day (统计时间点), flows inside it';

@Resolver(() => InstitutionRef)
export class InstitutionWorkforceResolver {
  @FieldResolver(() => WorkforceSummary, {
    nullable: true,
    description:
      '卫生人力 Workforce of the institution: practitioners and GPs on post (main practice institution), multi-site practice, assignments, further training and recruits',
  })
  workforce(
    @Root() institution: InstitutionRef,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: Period,
    @Ctx() ctx: WorkforceContext,
  ): Promise<WorkforceSummary> {
    return workforceSummary(ctx, institutionScope(institution.orgCode), period);
  }

  @FieldResolver(() => FamilyDoctorSummary, {
    nullable: true,
    description:
      '家庭医生签约 Family-doctor signing by the institution’s teams (fd_team.org_code): signed persons, teams and their GPs',
  })
  familyDoctors(
    @Root() institution: InstitutionRef,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: Period,
    @Ctx() ctx: WorkforceContext,
  ): Promise<FamilyDoctorSummary> {
    return familyDoctorSummary(ctx, institutionScope(institution.orgCode), period);
  }
}

@Resolver(() => RegionRef)
export class RegionWorkforceResolver {
  @FieldResolver(() => WorkforceSummary, {
    nullable: true,
    description:
      '卫生人力 Workforce of the region: the sums over the institutions standing in the counties of its subtree',
  })
  async workforce(
    @Root() region: RegionRef,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: Period,
    @Ctx() ctx: WorkforceContext,
  ): Promise<WorkforceSummary> {
    return workforceSummary(ctx, await regionScope(region.code, ctx), period);
  }

  @FieldResolver(() => FamilyDoctorSummary, {
    nullable: true,
    description:
      '家庭医生签约 Family-doctor signing of the region: persons and fees by the residents’ counties of its subtree (each person once per county), teams of its institutions',
  })
  async familyDoctors(
    @Root() region: RegionRef,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: Period,
    @Ctx() ctx: WorkforceContext,
  ): Promise<FamilyDoctorSummary> {
    return familyDoctorSummary(ctx, await regionScope(region.code, ctx), period);
  }
}
