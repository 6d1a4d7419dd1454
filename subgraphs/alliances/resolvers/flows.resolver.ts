import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { periodMonths } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import type { AlliancesContext } from '../context';
import { flowKey } from '../flows/loaders';
import { institutionsOfRegionScopes, membersDuring, monthsOf } from '../flows/scopes';
import {
  allianceReferralSummary,
  allianceTelemedSummary,
  recognitionSummary,
  referralSummary,
  supportSummary,
  telemedSummary,
} from '../flows/summaries';
import { Alliance } from '../types/alliance';
import { AllianceKind } from '../types/enums';
import {
  AllianceReferrals,
  AllianceSupport,
  AllianceTelemedicine,
  MutualRecognition,
  ReferralSummary,
  TelemedicineSummary,
} from '../types/flows';
import { InstitutionRef, RegionRef } from '../types/references';

const PERIOD = {
  description: '统计期 Period (2019, 2019H1, 2019Q3 or 2019-06), half-open, local time',
} as const;

/** The flows of an alliance in a period: support, referrals, telemedicine, mutual recognition. */
@Resolver(() => Alliance)
export class AllianceFlowsResolver {
  @FieldResolver(() => AllianceSupport, {
    nullable: true,
    description:
      '帮扶与辐射带动 Support activities from the lead to the members (during the period) in the period, by kind',
  })
  async support(
    @Root() alliance: Alliance,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<AllianceSupport> {
    const members = await membersDuring(ctx, alliance.id, period);
    const lead = alliance.leadOrgCode;
    const batch = await ctx.flows.support.load(flowKey(lead ? [lead] : [], periodMonths(period)));
    return supportSummary(batch, lead, members, monthsOf(period));
  }

  @FieldResolver(() => AllianceReferrals, {
    nullable: true,
    description:
      '双向转诊 Accepted referrals between members of the alliance (both members during the period) in the period',
  })
  async referrals(
    @Root() alliance: Alliance,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<AllianceReferrals> {
    const members = await membersDuring(ctx, alliance.id, period);
    const batch = await ctx.flows.referrals.load(flowKey(members, periodMonths(period), 'SENDER'));
    return allianceReferralSummary(batch, alliance.leadOrgCode, members, monthsOf(period));
  }

  @FieldResolver(() => AllianceTelemedicine, {
    nullable: true,
    description:
      '远程医疗 Telemedicine sessions that took place in the period with a member as requester or provider (for a 远程医疗协作网, also every session of its network), by service',
  })
  async telemedicine(
    @Root() alliance: Alliance,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<AllianceTelemedicine> {
    const members = await membersDuring(ctx, alliance.id, period);
    const batch = await ctx.flows.telemed.load(flowKey([], periodMonths(period)));
    const network = alliance.kind === AllianceKind.TELEMEDICINE_NETWORK ? alliance.id : null;
    return allianceTelemedSummary(batch, members, network, monthsOf(period));
  }

  @FieldResolver(() => MutualRecognition, {
    nullable: true,
    description:
      '检查检验结果互认 Lab and imaging results of the members (during the period) requested in the period, and those recognized (结果互认) instead of repeated',
  })
  async mutualRecognition(
    @Root() alliance: Alliance,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<MutualRecognition> {
    const members = await membersDuring(ctx, alliance.id, period);
    const batch = await ctx.flows.lis.load(flowKey(members, periodMonths(period)));
    return recognitionSummary(batch, members, monthsOf(period));
  }
}

@Resolver(() => InstitutionRef)
export class InstitutionFlowsResolver {
  @FieldResolver(() => ReferralSummary, {
    nullable: true,
    description: '双向转诊 Accepted referrals sent and received by the institution in the period',
  })
  async referrals(
    @Root() institution: InstitutionRef,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<ReferralSummary> {
    const scope = new Set([institution.orgCode]);
    const batch = await ctx.flows.referrals.load(flowKey(scope, periodMonths(period), 'BOTH'));
    return referralSummary(batch, scope, monthsOf(period));
  }

  @FieldResolver(() => TelemedicineSummary, {
    nullable: true,
    description: '远程医疗 Telemedicine sessions requested and provided by the institution in the period',
  })
  async telemedicine(
    @Root() institution: InstitutionRef,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<TelemedicineSummary> {
    const batch = await ctx.flows.telemed.load(flowKey([], periodMonths(period)));
    return telemedSummary(batch, new Set([institution.orgCode]), monthsOf(period));
  }
}

@Resolver(() => RegionRef)
export class RegionFlowsResolver {
  @FieldResolver(() => ReferralSummary, {
    nullable: true,
    description:
      '双向转诊 Accepted referrals sent and received by the institutions of the region (its subtree) in the period',
  })
  async referrals(
    @Root() region: RegionRef,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<ReferralSummary> {
    const scope = (await institutionsOfRegionScopes(ctx, [region.code])).get(region.code) ?? new Set();
    const batch = await ctx.flows.referrals.load(flowKey(scope, periodMonths(period), 'BOTH'));
    return referralSummary(batch, scope, monthsOf(period));
  }

  @FieldResolver(() => TelemedicineSummary, {
    nullable: true,
    description:
      '远程医疗 Telemedicine sessions requested and provided by the institutions of the region (its subtree) in the period',
  })
  async telemedicine(
    @Root() region: RegionRef,
    @Arg('period', () => PeriodScalar, PERIOD) period: Period,
    @Ctx() ctx: AlliancesContext,
  ): Promise<TelemedicineSummary> {
    const scope = (await institutionsOfRegionScopes(ctx, [region.code])).get(region.code) ?? new Set();
    const batch = await ctx.flows.telemed.load(flowKey([], periodMonths(period)));
    return telemedSummary(batch, scope, monthsOf(period));
  }
}
