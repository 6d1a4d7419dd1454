import type { Period } from '../../../schema/period';
import type { ServedMeasure } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import type { WorkforceContext } from '../context';
import {
  assignmentFact,
  feeFact,
  gpFact,
  onPostFact,
  recruitFact,
  signingFact,
  teamFact,
  trainingFact,
} from '../facts';
import type { Counted, Scope } from '../summaries';
import { RecruitmentDiscipline } from '../types/enums';

type Fact<T> = (ctx: WorkforceContext, scope: Scope, period: Period) => Promise<Counted<T>>;

/** A measure of this subgraph: a number picked from one fact of a scope and period. */
export interface WorkforceMeasure extends ServedMeasure {
  readonly value: (ctx: WorkforceContext, scope: Scope, period: Period) => Promise<Counted<number>>;
}

function pick<T>(fact: Fact<T>, value: (t: T) => number): WorkforceMeasure['value'] {
  return async (ctx, scope, period) => {
    const c = await fact(ctx, scope, period);
    return { value: c.value === null ? null : value(c.value), sources: c.sources };
  };
}

function measure(
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  value: WorkforceMeasure['value'],
  scopeKinds?: readonly ScopeKind[],
): WorkforceMeasure {
  return { code, nameZh, nameEn, unit, value, ...(scopeKinds ? { scopeKinds } : {}) };
}

const RECRUIT_DISCIPLINES: ReadonlyArray<readonly [RecruitmentDiscipline, string, string]> = [
  [RecruitmentDiscipline.EMERGENCY, '急诊引进人才数', 'Recruits in emergency medicine'],
  [RecruitmentDiscipline.PEDIATRICS, '儿科引进人才数', 'Recruits in paediatrics'],
  [RecruitmentDiscipline.ANESTHESIA, '麻醉科引进人才数', 'Recruits in anaesthesiology'],
  [RecruitmentDiscipline.ICU, '重症医学引进人才数', 'Recruits in critical care medicine'],
];

/**
 * Workforce (hrm) and family-doctor (fds) measures. States (on post, GPs, signed persons) at the
 * period's last day; flows (assignments, training, recruits, fees) inside the period. A region
 * sums the institutions standing in its counties (signing and fees: the residents' counties).
 */
export const workforceMeasures: readonly WorkforceMeasure[] = [
  measure(
    'PRACTITIONERS_ON_POST',
    '在岗卫生技术人员数',
    'Practitioners on post at the last day of the period',
    '人',
    pick(onPostFact, (t) => t.total),
  ),
  measure(
    'GP_COUNT',
    '全科医生数',
    'General practitioners on post at the last day of the period',
    '人',
    pick(gpFact, (t) => t.total),
  ),
  measure(
    'MULTI_SITE_PRACTITIONERS',
    '多点执业人数',
    'Practitioners on post practising at a second site at the last day of the period',
    '人',
    pick(onPostFact, (t) => t.multiSite),
  ),
  measure(
    'ASSIGNMENT_PERSON_TIMES',
    '派驻人次',
    'Assignments sent (派驻/下派) starting in the period',
    '人次',
    pick(assignmentFact, (t) => t.out.personTimes),
  ),
  measure(
    'ASSIGNMENT_DAYS',
    '派驻天数',
    'Days of the assignments sent that fall inside the period',
    '天',
    pick(assignmentFact, (t) => t.out.days),
  ),
  measure(
    'ASSIGNMENT_LONG_STAYS',
    '派驻连续工作3个月以上人次',
    'Assignments sent starting in the period lasting at least 90 days',
    '人次',
    pick(assignmentFact, (t) => t.out.longStays),
  ),
  measure(
    'FURTHER_TRAINING_COUNT',
    '进修次数',
    'Further trainings of own staff starting in the period',
    '次',
    pick(trainingFact, (t) => t.sent.trainings),
  ),
  measure(
    'FURTHER_TRAINING_DAYS',
    '进修时间（天）',
    'Days of further training of own staff inside the period',
    '天',
    pick(trainingFact, (t) => t.sent.days),
  ),
  measure(
    'RECRUITS',
    '引进人才数',
    'Recruits hired in the period',
    '人',
    pick(recruitFact, (t) => t.total),
  ),
  ...RECRUIT_DISCIPLINES.map(([d, zh, en]) =>
    measure(
      `RECRUITS_${d}`,
      zh,
      en,
      '人',
      pick(recruitFact, (t) => t.byDiscipline.find((c) => c.cls === d)?.count ?? 0),
    ),
  ),
  measure(
    'FD_SIGNED_PERSONS',
    '家庭医生签约服务人数',
    'Persons signed with a family doctor at the last day of the period',
    '人',
    pick(signingFact, (t) => t.signedPersons),
  ),
  measure(
    'FD_KEY_GROUP_PERSONS',
    '重点人群签约服务人数',
    'Key-group persons signed with a family doctor at the last day of the period',
    '人',
    pick(signingFact, (t) => t.keyGroupPersons),
  ),
  measure(
    'FD_REGISTERED_POOR_PERSONS',
    '获得家庭医生签约服务的建档立卡贫困人口数',
    'Registered-poor persons signed with a family doctor at the last day of the period',
    '人',
    pick(signingFact, (t) => t.registeredPoorPersons),
  ),
  measure(
    'FD_ONE_PLUS_ONE_PLUS_ONE_PERSONS',
    '"1+1+1"签约人数',
    'Persons signed with a family doctor, a secondary and a tertiary hospital at the last day of the period',
    '人',
    pick(signingFact, (t) => t.onePlusOnePlusOnePersons),
  ),
  measure(
    'FD_TEAMS',
    '家庭医生团队数',
    'Family-doctor teams at the last day of the period',
    '个',
    pick(teamFact, (t) => t.teams),
  ),
  measure(
    'FD_FEE_TOTAL',
    '签约服务费总额',
    'Total fee of the family-doctor contracts signed in the period (by residents’ county)',
    '元',
    pick(feeFact, (t) => t.total),
    [ScopeKind.REGION],
  ),
  measure(
    'FD_FEE_INSURANCE',
    '签约服务费医保基金支付额',
    'Insurance-fund share of the fees of the contracts signed in the period',
    '元',
    pick(feeFact, (t) => t.insurance),
    [ScopeKind.REGION],
  ),
  measure(
    'FD_FEE_FISCAL',
    '签约服务费财政投入额',
    'Public-finance share of the fees of the contracts signed in the period',
    '元',
    pick(feeFact, (t) => t.fiscal),
    [ScopeKind.REGION],
  ),
  measure(
    'FD_FEE_PERSONAL',
    '签约服务费个人付费额',
    'Personal share of the fees of the contracts signed in the period',
    '元',
    pick(feeFact, (t) => t.personal),
    [ScopeKind.REGION],
  ),
];

export const measureByCode = new Map(workforceMeasures.map((m) => [m.code, m]));
