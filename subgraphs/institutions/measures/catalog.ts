import type { VisitCounts } from '../../../adapters';
import type { BedDays, DischargeCounts, SurgeryCounts } from '../../../adapters/his/inpatient';
import type { CtReportTime } from '../../../adapters/lis/model';
import type {
  ChronicDisease,
  ChronicManagementCounts,
  TwoWeekSurveyCounts,
} from '../../../adapters/phs/model';
import type { DivisionStatRecord, InstitutionRecord } from '../../../adapters/registry/model';
import { InstitutionCategory, PeriodGranularityEnum } from '../../../schema/enums';
import { ScopeKind } from '../../common/measures';
import type { HeldFact, HeldRows } from '../facts';

/** Which institutions of a scope a measure counts. */
export type Population = 'ALL' | 'PRIMARY_CARE';

interface MeasureBase {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  /** Default: region and institution scopes. */
  readonly scopeKinds?: readonly ScopeKind[];
  /** Default: every granularity. */
  readonly granularities?: readonly PeriodGranularityEnum[];
}

/** A measure summed over the rows (institution × month) of a fact held per institution (HIS, LIS). */
export type HeldMeasure = {
  [F in HeldFact]: MeasureBase & {
    readonly fact: F;
    readonly value: (row: HeldRows[F]) => number;
    readonly population: Population;
  };
}[HeldFact];

/** 慢病管理 (phs): records managed by the scope's institutions (GLJG), for one disease. */
export interface ChronicMeasure extends MeasureBase {
  readonly fact: 'chronic';
  readonly disease: ChronicDisease;
  readonly value: (row: ChronicManagementCounts) => number;
}

/** 两周患病就诊调查 (phs): responses of residents of the region's divisions, whole years only. */
export interface SurveyMeasure extends MeasureBase {
  readonly fact: 'survey';
  readonly value: (row: TwoWeekSurveyCounts) => number;
}

/**
 * 人口统计 (registry division_stat): a region's statistics of the period's year — its own row,
 * else summed from the divisions below (`rollUpDivisionStats`); null when neither gives the field.
 */
export interface PopulationMeasure extends MeasureBase {
  readonly fact: 'population';
  readonly value: (row: DivisionStatRecord) => number | null;
}

/**
 * 机构数 (registry institution): institutions standing in the region's counties, open on the
 * period's last day, that `counts` accepts. Computed from the registry rows the batch already
 * loads to resolve its scopes (no statement of its own); an unknown flag (null) is not a yes.
 */
export interface RegistryCountMeasure extends MeasureBase {
  readonly fact: 'registry';
  readonly counts: (r: InstitutionRecord) => boolean;
}

/** A measure of this subgraph, as data: which fact, which field of it, which institutions. */
export type InstitutionMeasure =
  HeldMeasure | ChronicMeasure | SurveyMeasure | PopulationMeasure | RegistryCountMeasure;

function held<F extends HeldFact>(
  fact: F,
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  value: (row: HeldRows[F]) => number,
): HeldMeasure {
  return { code, nameZh, nameEn, unit, fact, value, population: 'ALL' } as unknown as HeldMeasure;
}

const discharge = (
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  value: (r: DischargeCounts) => number,
): HeldMeasure => held('discharges', code, nameZh, nameEn, unit, value);
const surgery = (
  code: string,
  nameZh: string,
  nameEn: string,
  counts: (r: SurgeryCounts) => boolean,
): HeldMeasure => held('surgeries', code, nameZh, nameEn, '例次', (r) => (counts(r) ? r.count : 0));
const beds = (code: string, nameZh: string, nameEn: string, value: (r: BedDays) => number): HeldMeasure =>
  held('beds', code, nameZh, nameEn, '床日', value);
const ct = (
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  value: (r: CtReportTime) => number,
): HeldMeasure => held('ct', code, nameZh, nameEn, unit, value);

function chronic(
  code: string,
  nameZh: string,
  nameEn: string,
  disease: ChronicDisease,
  value: (r: ChronicManagementCounts) => number,
): ChronicMeasure {
  return { code, nameZh, nameEn, unit: '人', fact: 'chronic', disease, value };
}

function survey(
  code: string,
  nameZh: string,
  nameEn: string,
  value: (r: TwoWeekSurveyCounts) => number,
): SurveyMeasure {
  return {
    code,
    nameZh,
    nameEn,
    unit: '次',
    fact: 'survey',
    value,
    scopeKinds: [ScopeKind.REGION],
    granularities: [PeriodGranularityEnum.YEAR],
  };
}

function population(
  code: string,
  nameZh: string,
  nameEn: string,
  value: (r: DivisionStatRecord) => number | null,
): PopulationMeasure {
  return { code, nameZh, nameEn, unit: '人', fact: 'population', value, scopeKinds: [ScopeKind.REGION] };
}

function registryCount(
  code: string,
  nameZh: string,
  nameEn: string,
  counts: (r: InstitutionRecord) => boolean,
): RegistryCountMeasure {
  return { code, nameZh, nameEn, unit: '个', fact: 'registry', counts, scopeKinds: [ScopeKind.REGION] };
}

const isCommunityCenter = (r: InstitutionRecord): boolean =>
  r.category === InstitutionCategory.COMMUNITY_HEALTH_CENTER;
/** 乡镇卫生院: 中心卫生院 (C210) and 乡卫生院 (C220). */
const isTownshipCenter = (r: InstitutionRecord): boolean =>
  r.category === InstitutionCategory.CENTRAL_TOWNSHIP_HEALTH_CENTER ||
  r.category === InstitutionCategory.TOWNSHIP_HEALTH_CENTER;
const isCommunityStation = (r: InstitutionRecord): boolean =>
  r.category === InstitutionCategory.COMMUNITY_HEALTH_STATION;
const isVillageClinic = (r: InstitutionRecord): boolean => r.category === InstitutionCategory.VILLAGE_CLINIC;
const tcm = (r: InstitutionRecord): boolean => r.tcmService === true;

/** Institution counts of a region (seed 004 二 (一) 1.(1), 2.(3), 3.(2)). */
const registryMeasures: readonly RegistryCountMeasure[] = [
  registryCount('INST_PRIMARY', '基层医疗卫生机构数', 'Primary-care institutions', (r) => r.primaryCare),
  registryCount(
    'INST_PRIMARY_MEETS_STANDARD',
    '达到建设标准的基层医疗卫生机构数',
    'Primary-care institutions meeting the construction standard',
    (r) => r.primaryCare && r.meetsStandard === true,
  ),
  registryCount('INST_COMMUNITY_CENTER', '社区卫生服务中心数', 'Community health centres', isCommunityCenter),
  registryCount(
    'INST_COMMUNITY_CENTER_TCM',
    '提供中医药服务的社区卫生服务中心数',
    'Community health centres providing TCM services',
    (r) => isCommunityCenter(r) && tcm(r),
  ),
  registryCount(
    'INST_TOWNSHIP_CENTER',
    '乡镇卫生院数',
    'Township health centres (C210 and C220)',
    isTownshipCenter,
  ),
  registryCount(
    'INST_TOWNSHIP_CENTER_TCM',
    '提供中医药服务的乡镇卫生院数',
    'Township health centres providing TCM services',
    (r) => isTownshipCenter(r) && tcm(r),
  ),
  registryCount(
    'INST_COMMUNITY_STATION',
    '社区卫生服务站数',
    'Community health stations',
    isCommunityStation,
  ),
  registryCount(
    'INST_COMMUNITY_STATION_TCM',
    '提供中医药服务的社区卫生服务站数',
    'Community health stations providing TCM services',
    (r) => isCommunityStation(r) && tcm(r),
  ),
  registryCount('INST_VILLAGE_CLINIC', '村卫生室数', 'Village clinics', isVillageClinic),
  registryCount(
    'INST_VILLAGE_CLINIC_TCM',
    '提供中医药服务的村卫生室数',
    'Village clinics providing TCM services',
    (r) => isVillageClinic(r) && tcm(r),
  ),
  registryCount(
    'INST_COMMUNITY_AND_TOWNSHIP_CENTERS',
    '社区卫生服务中心和乡镇卫生院数',
    'Community health centres and township health centres',
    (r) => isCommunityCenter(r) || isTownshipCenter(r),
  ),
  registryCount(
    'INST_PRIMARY_GRADING_SYSTEM',
    '建立分级诊疗信息系统的社区卫生服务中心和乡镇卫生院数',
    'Community and township health centres with a graded-care information system',
    (r) => (isCommunityCenter(r) || isTownshipCenter(r)) && r.gradingSystem === true,
  ),
];

/**
 * Service-volume measures (seed 004 表3/表4): HIS outpatient registrations (canonical 诊疗人次),
 * discharges, surgeries and the bed census; the LIS outpatient CT report time; public-health
 * chronic-disease management and the two-week survey. VISITS_* count only visits that happened.
 */
const visitMeasures: readonly HeldMeasure[] = [
  {
    code: 'VISITS_TOTAL',
    nameZh: '总诊疗人次数',
    nameEn: 'Total visits (outpatient and emergency)',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.visits,
    population: 'ALL',
  },
  {
    code: 'VISITS_PRIMARY_CARE',
    nameZh: '基层医疗卫生机构诊疗人次数',
    nameEn: 'Visits at primary-care institutions',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.visits,
    population: 'PRIMARY_CARE',
  },
  {
    code: 'VISITS_OUTPATIENT',
    nameZh: '门诊（平诊）人次数',
    nameEn: 'Outpatient visits (excluding emergency)',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.visits - r.emergencyVisits,
    population: 'ALL',
  },
  {
    code: 'VISITS_EMERGENCY',
    nameZh: '急诊人次数',
    nameEn: 'Emergency visits',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.emergencyVisits,
    population: 'ALL',
  },
  {
    code: 'VISITS_TCM',
    nameZh: '中医诊疗人次数',
    nameEn: 'Traditional Chinese medicine visits',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.tcmVisits,
    population: 'ALL',
  },
  {
    code: 'VISITS_PRIMARY_CARE_TCM',
    nameZh: '基层医疗卫生机构中医诊疗人次数',
    nameEn: 'TCM visits at primary-care institutions',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.tcmVisits,
    population: 'PRIMARY_CARE',
  },
];

export const institutionMeasures: readonly InstitutionMeasure[] = [
  ...visitMeasures,
  discharge('DISCHARGES', '出院患者人次数', 'Discharges', '人次', (r) => r.discharges),
  discharge(
    'STAY_DAYS',
    '出院者占用总床日数',
    'Bed days of discharged patients (sum of stays)',
    '床日',
    (r) => r.stayDays,
  ),
  discharge(
    'CRITICAL_PATIENTS',
    '出院危重患者人次数',
    'Discharges of critical patients (危重)',
    '人次',
    (r) => (r.critical ? r.discharges : 0),
  ),
  discharge(
    'RESCUES',
    '住院危重患者抢救人次数',
    'Rescues of inpatients (sum of 抢救次数)',
    '人次',
    (r) => r.rescues,
  ),
  beds('BED_DAYS_OPEN', '实际开放总床日数', 'Open bed days (daily census)', (r) => r.openBedDays),
  beds('BED_DAYS_OCCUPIED', '实际占用总床日数', 'Occupied bed days (daily census)', (r) => r.occupiedBedDays),
  surgery('SURGERIES', '总手术量', 'Surgeries and operations, every grade (ungraded included)', () => true),
  surgery('SURGERIES_GRADE_3', '三级手术例次数', 'Grade-3 surgeries', (r) => r.grade === 3),
  surgery('SURGERIES_GRADE_4', '四级手术例次数', 'Grade-4 surgeries', (r) => r.grade === 4),
  surgery('DAY_SURGERIES', '日间手术例次数', 'Day surgeries', (r) => r.dayCase),
  surgery('ELECTIVE_SURGERIES', '择期手术例次数', 'Elective surgeries', (r) => r.elective),
  ct(
    'CT_REPORT_MINUTES',
    'CT出报告时间合计（门诊平诊）',
    'Sum of report times of outpatient CT studies, minutes (average = CT_REPORT_MINUTES / CT_REPORTS)',
    '分钟',
    (r) => r.reportMinutes,
  ),
  ct(
    'CT_REPORTS',
    '已出报告门诊CT检查数',
    'Outpatient CT studies reported',
    '例次',
    (r) => r.reportedStudies,
  ),
  chronic(
    'HTN_MANAGED',
    '高血压患者纳入管理人数',
    'Hypertension patients under management',
    'HYPERTENSION',
    (r) => r.managed,
  ),
  chronic(
    'HTN_STANDARDIZED',
    '高血压患者规范管理人数',
    'Hypertension patients under standardized management',
    'HYPERTENSION',
    (r) => r.standardizedManaged,
  ),
  chronic(
    'DM_MANAGED',
    '2型糖尿病患者纳入管理人数',
    'Type-2 diabetes patients under management',
    'DIABETES_T2',
    (r) => r.managed,
  ),
  chronic(
    'DM_STANDARDIZED',
    '2型糖尿病患者规范管理人数',
    'Type-2 diabetes patients under standardized management',
    'DIABETES_T2',
    (r) => r.standardizedManaged,
  ),
  survey(
    'SURVEY_VISITS',
    '居民2周患病去医疗机构就诊次数',
    'Two-week survey: visits to a health institution',
    (r) => r.visits,
  ),
  survey(
    'SURVEY_PRIMARY_FIRST_VISITS',
    '其中首选基层医疗卫生机构的次数',
    'Two-week survey: visits where primary care was the first choice',
    (r) => r.primaryFirstVisits,
  ),
  population(
    'POP_HOUSEHOLD',
    '户籍总人数',
    'Household-registered population (户籍人口)',
    (r) => r.householdPop,
  ),
  population(
    'POP_HOUSEHOLD_URBAN',
    '城市户籍居民总数',
    'Urban household-registered population',
    (r) => r.householdUrbanPop,
  ),
  population('POP_RESIDENT', '常住人口数', 'Resident population (常住人口)', (r) => r.residentPop),
  population('POP_POOR', '贫困人口数', 'Poor population (贫困人口)', (r) => r.poorPop),
  population(
    'POP_REGISTERED_POOR',
    '建档立卡贫困人口数',
    'Registered poor population (建档立卡贫困人口)',
    (r) => r.registeredPoorPop,
  ),
  population(
    'POP_KEY_GROUP',
    '重点人群人口总数',
    'Key-group population (重点人群: elderly, pregnant women, children, disabled, poor, chronic patients …)',
    (r) => r.keyGroupPop,
  ),
  ...registryMeasures,
];

export const measureByCode = new Map(institutionMeasures.map((m) => [m.code, m]));
