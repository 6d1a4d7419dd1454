import type { Period } from '../../../schema/period';
import type { ServedMeasure } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import type { WorkforceContext } from '../context';
import {
  assignmentFact,
  downwardAssignmentFact,
  feeFact,
  governmentTownshipCentres,
  governmentTownshipFact,
  governmentTownshipsWithGp,
  gpFact,
  multiSitePhysiciansFact,
  onPostCountsFact,
  paidContractsFact,
  practisingDownFact,
  primaryCareFact,
  recruitFact,
  signingCitiesFact,
  signingFact,
  teamFact,
  trainingFact,
  trainingPersonsFact,
  upwardTrainingFact,
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

/** The value of a fact that is already a number. */
function direct(fact: Fact<number>): WorkforceMeasure['value'] {
  return (ctx, scope, period) => fact(ctx, scope, period);
}

const WITH_ALLIANCE: readonly ScopeKind[] = [ScopeKind.REGION, ScopeKind.INSTITUTION, ScopeKind.ALLIANCE];
const REGION_AND_ALLIANCE: readonly ScopeKind[] = [ScopeKind.REGION, ScopeKind.ALLIANCE];

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
const baseMeasures: readonly WorkforceMeasure[] = [
  measure(
    'PRACTITIONERS_ON_POST',
    '在岗卫生技术人员数',
    'Practitioners on post at the last day of the period',
    '人',
    pick(onPostCountsFact, (t) => t.total),
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
    pick(onPostCountsFact, (t) => t.multiSite),
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

/**
 * Measures that classify institutions by the registry (政府办乡镇卫生院, 基层, hospital levels) or
 * count cities and fees; an alliance scope is its members during the period.
 */
export const classifiedMeasures: readonly WorkforceMeasure[] = [
  measure(
    'GOV_TOWNSHIP_CENTERS',
    '政府办乡镇卫生院数',
    'Government-run township health centres (ownership 1, C210/C220) open at the last day of the period',
    '个',
    direct(governmentTownshipCentres),
    REGION_AND_ALLIANCE,
  ),
  measure(
    'GP_GOV_TOWNSHIP',
    '政府办乡镇卫生院拥有全科医生总数',
    'General practitioners on post at government-run township health centres',
    '人',
    pick(governmentTownshipFact, (t) => t.gps),
    REGION_AND_ALLIANCE,
  ),
  measure(
    'GP_GOV_TOWNSHIP_TRAINED',
    '政府办乡镇卫生院经3+2或5+3培训合格的全科医生数',
    'GPs at government-run township health centres trained 3+2 (assistant GP) or 5+3 (GP residency)',
    '人',
    pick(governmentTownshipFact, (t) => t.trainedGps),
    REGION_AND_ALLIANCE,
  ),
  measure(
    'GOV_TOWNSHIP_WITH_GP',
    '至少拥有1名全科医生的政府办乡镇卫生院数',
    'Government-run township health centres with at least one GP on post (counted in SQL)',
    '个',
    direct(governmentTownshipsWithGp),
    REGION_AND_ALLIANCE,
  ),
  measure(
    'PRIMARY_CARE_STAFF_ON_POST',
    '基层医疗卫生机构在岗人员数',
    'Staff on post at primary-care institutions at the last day of the period',
    '人',
    pick(primaryCareFact, (t) => t.staffOnPost),
    WITH_ALLIANCE,
  ),
  measure(
    'GP_PRIMARY_CARE',
    '基层医疗卫生机构中全科医生总数',
    'GPs on post at primary-care institutions',
    '人',
    pick(primaryCareFact, (t) => t.gps),
    WITH_ALLIANCE,
  ),
  measure(
    'GP_PRIMARY_CARE_SENIOR',
    '基层医疗卫生机构中高级岗位的全科医生数目',
    'GPs with a senior title at primary-care institutions',
    '人',
    pick(primaryCareFact, (t) => t.seniorGps),
    WITH_ALLIANCE,
  ),
  measure(
    'GP_PRIMARY_CARE_INTERMEDIATE',
    '基层医疗卫生机构中中级岗位的全科医生数目',
    'GPs with an intermediate title at primary-care institutions',
    '人',
    pick(primaryCareFact, (t) => t.intermediateGps),
    WITH_ALLIANCE,
  ),
  measure(
    'MULTI_SITE_PHYSICIANS',
    '开展多点机构执业医师数',
    'Physicians (categories 1–4) on post with an active multi-site practice at the last day of the period',
    '人',
    direct(multiSitePhysiciansFact),
    WITH_ALLIANCE,
  ),
  measure(
    'PHYSICIANS_PRACTISING_DOWN',
    '二级以上医院医师到下级医疗机构执业的人数',
    'Physicians of secondary/tertiary hospitals practising at a lower-level institution at the last day of the period',
    '人',
    direct(practisingDownFact),
    WITH_ALLIANCE,
  ),
  measure(
    'ASSIGNMENTS_L2_TO_PRIMARY_TECH',
    '二级医院向基层下派的专业人员人次数',
    'Technical staff assignments from secondary hospitals to primary care starting in the period',
    '人次',
    pick(downwardAssignmentFact, (t) => t.level2TechToPrimary),
    WITH_ALLIANCE,
  ),
  measure(
    'ASSIGNMENTS_L2_TO_PRIMARY_MGMT',
    '二级医院向基层下派的管理人员人次数',
    'Management staff assignments from secondary hospitals to primary care starting in the period',
    '人次',
    pick(downwardAssignmentFact, (t) => t.level2MgmtToPrimary),
    WITH_ALLIANCE,
  ),
  measure(
    'ASSIGNMENTS_HOSPITAL_TO_PRIMARY',
    '二级以上医疗机构向基层医疗卫生机构派出人才人次数',
    'Assignments from secondary/tertiary hospitals to primary care starting in the period (alliance: between members)',
    '人次',
    pick(downwardAssignmentFact, (t) => t.hospitalToPrimary),
    WITH_ALLIANCE,
  ),
  measure(
    'FURTHER_TRAINING_PERSONS',
    '进修人数',
    'Distinct staff starting a further training in the period',
    '人',
    direct(trainingPersonsFact),
    WITH_ALLIANCE,
  ),
  measure(
    'FURTHER_TRAINING_PRIMARY_UP',
    '基层医务人员去上级医院学习进修的人次数',
    'Further trainings starting in the period of primary-care staff at a higher-level host',
    '人次',
    direct(upwardTrainingFact),
    WITH_ALLIANCE,
  ),
  measure(
    'FD_CITIES_SIGNING',
    '已开展签约服务的地市数',
    'Cities with at least one person signed with a family doctor at the last day of the period',
    '个',
    direct(signingCitiesFact),
    [ScopeKind.REGION],
  ),
  measure(
    'FD_DOCTORS',
    '开展签约服务的家庭医生数',
    'GP members of the family-doctor teams existing at the last day of the period',
    '人',
    pick(teamFact, (t) => t.generalPractitioners),
  ),
  measure(
    'FD_FEE_PERSONS',
    '签约服务费对应签约人数',
    'Distinct persons of the contracts signed in the period (by residents’ county)',
    '人',
    pick(feeFact, (t) => t.persons),
    [ScopeKind.REGION],
  ),
  measure(
    'FD_FEE_PAID_CONTRACTS',
    '收取签约服务费的签约数',
    'Contracts signed in the period with a fee (fee_total > 0)',
    '份',
    direct(paidContractsFact),
    [ScopeKind.REGION],
  ),
];

/** Measures of the hrm registry that an alliance scope (its members during the period) also serves. */
const ALLIANCE_SERVED = new Set([
  'PRACTITIONERS_ON_POST',
  'GP_COUNT',
  'MULTI_SITE_PRACTITIONERS',
  'ASSIGNMENT_PERSON_TIMES',
  'ASSIGNMENT_DAYS',
  'ASSIGNMENT_LONG_STAYS',
  'FURTHER_TRAINING_COUNT',
  'FURTHER_TRAINING_DAYS',
  'RECRUITS',
]);

/** Every measure this subgraph serves. */
export const workforceMeasures: readonly WorkforceMeasure[] = [
  ...baseMeasures.map((m) => (ALLIANCE_SERVED.has(m.code) ? { ...m, scopeKinds: WITH_ALLIANCE } : m)),
  ...classifiedMeasures,
];

export const measureByCode = new Map(workforceMeasures.map((m) => [m.code, m]));
