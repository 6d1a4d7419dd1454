import type { VisitCounts } from '../../../adapters';
import type {
  BedDays,
  DayCaseDiagnosisCounts,
  DiagnosisGroupId,
  DischargeCounts,
  ProcedureGroupId,
  SurgeryCounts,
} from '../../../adapters/his/inpatient';
import type { CtReportTime } from '../../../adapters/lis/model';
import type {
  ChronicDisease,
  ChronicManagementCounts,
  TwoWeekSurveyCounts,
} from '../../../adapters/phs/model';
import type { DivisionStatRecord, InstitutionRecord } from '../../../adapters/registry/model';
import { calendarDays, workingDays } from '../../../adapters/his/working-days';
import {
  HospitalGrade,
  HospitalLevel,
  InstitutionCategory,
  Ownership,
  PeriodGranularityEnum,
} from '../../../schema/enums';
import { ScopeKind } from '../../common/measures';
import type { HeldFact, HeldRows } from '../facts';

/**
 * Which institutions of a scope a measure counts: all, primary care (categories B/C/D), hospitals
 * (category A*) of level 二级 or 三级, public (ownership 政府办 or 其他公立) hospitals of level 二级
 * or 三级, public 三级 hospitals.
 */
export type Population =
  | 'ALL'
  | 'PRIMARY_CARE'
  | 'HOSPITAL_LEVEL_2'
  | 'HOSPITAL_LEVEL_3'
  | 'PUBLIC_HOSPITAL_2_3'
  | 'PUBLIC_HOSPITAL_LEVEL_3';

/** 医院: category A* (WS 218 医院). */
export const isHospital = (r: InstitutionRecord): boolean => (r.categoryCode ?? '').startsWith('A');
/** 公立: 政府办 or 其他公立. */
export const isPublic = (r: InstitutionRecord): boolean =>
  r.ownership === Ownership.GOVERNMENT || r.ownership === Ownership.OTHER_PUBLIC;
const isLevel = (r: InstitutionRecord, level: HospitalLevel): boolean => r.level === level;

export function inPopulation(population: Population, r: InstitutionRecord): boolean {
  switch (population) {
    case 'ALL':
      return true;
    case 'PRIMARY_CARE':
      return r.primaryCare;
    case 'HOSPITAL_LEVEL_2':
      return isHospital(r) && isLevel(r, HospitalLevel.LEVEL_2);
    case 'HOSPITAL_LEVEL_3':
      return isHospital(r) && isLevel(r, HospitalLevel.LEVEL_3);
    case 'PUBLIC_HOSPITAL_2_3':
      return (
        isHospital(r) &&
        isPublic(r) &&
        (isLevel(r, HospitalLevel.LEVEL_2) || isLevel(r, HospitalLevel.LEVEL_3))
      );
    case 'PUBLIC_HOSPITAL_LEVEL_3':
      return isHospital(r) && isPublic(r) && isLevel(r, HospitalLevel.LEVEL_3);
  }
}

/** Scopes of the measures held per institution: regions, institutions, alliances and their leads. */
export const HELD_SCOPES: readonly ScopeKind[] = [
  ScopeKind.REGION,
  ScopeKind.INSTITUTION,
  ScopeKind.ALLIANCE,
  ScopeKind.ALLIANCE_LEAD,
];

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
    /**
     * Not summable (病种数, 机构数): the number of distinct keys among the rows whose value is > 0,
     * over the whole scope and period (the rows are grouped by the database per institution,
     * month and key; never raw rows).
     */
    readonly distinct?: (row: HeldRows[F]) => string | null;
  };
}[HeldFact];

/** Days of the period (calendar or working days): the same for every scope; no source. */
export interface CalendarMeasure extends MeasureBase {
  readonly fact: 'calendar';
  /** [start, end) as `yyyyMMdd`; null when it cannot be counted. */
  readonly value: (start: string, end: string) => number | null;
}

/** What a county-level division is judged on: its household population of the year and its open institutions. */
export interface CountyFacts {
  readonly code: string;
  /** division_stat.household_pop of the period's year; null when not given. */
  readonly householdPop: number | null;
  /** Institutions standing in the county, open on the period's last day. */
  readonly institutions: readonly InstitutionRecord[];
}

/**
 * 县数 (registry admin_division, division_stat, institution): the county-level divisions of a
 * region that `counts` accepts; null (not counted) when any county cannot be judged.
 */
export interface CountyMeasure extends MeasureBase {
  readonly fact: 'counties';
  readonly counts: (c: CountyFacts) => boolean | null;
}

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
  /** Sum this (e.g. 床位数) over the institutions counted instead of counting them; null unknown → not counted. */
  readonly weight?: (r: InstitutionRecord) => number | null;
}

/** A measure of this subgraph, as data: which fact, which field of it, which institutions. */
export type InstitutionMeasure =
  | HeldMeasure
  | ChronicMeasure
  | SurveyMeasure
  | PopulationMeasure
  | RegistryCountMeasure
  | CalendarMeasure
  | CountyMeasure;

function held<F extends HeldFact>(
  fact: F,
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  value: (row: HeldRows[F]) => number,
  population: Population = 'ALL',
  distinct?: (row: HeldRows[F]) => string | null,
): HeldMeasure {
  return {
    code,
    nameZh,
    nameEn,
    unit,
    fact,
    value,
    population,
    scopeKinds: HELD_SCOPES,
    ...(distinct ? { distinct } : {}),
  } as unknown as HeldMeasure;
}

const discharge = (
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  value: (r: DischargeCounts) => number,
  population: Population = 'ALL',
): HeldMeasure => held('discharges', code, nameZh, nameEn, unit, value, population);
const surgery = (
  code: string,
  nameZh: string,
  nameEn: string,
  counts: (r: SurgeryCounts) => boolean,
): HeldMeasure => held('surgeries', code, nameZh, nameEn, '例次', (r) => (counts(r) ? r.count : 0));
const beds = (
  code: string,
  nameZh: string,
  nameEn: string,
  value: (r: BedDays) => number,
  population: Population = 'ALL',
): HeldMeasure => held('beds', code, nameZh, nameEn, '床日', value, population);
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
    scopeKinds: HELD_SCOPES,
  },
  {
    code: 'VISITS_PRIMARY_CARE',
    nameZh: '基层医疗卫生机构诊疗人次数',
    nameEn: 'Visits at primary-care institutions',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.visits,
    population: 'PRIMARY_CARE',
    scopeKinds: HELD_SCOPES,
  },
  {
    code: 'VISITS_OUTPATIENT',
    nameZh: '门诊（平诊）人次数',
    nameEn: 'Outpatient visits (excluding emergency)',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.visits - r.emergencyVisits,
    population: 'ALL',
    scopeKinds: HELD_SCOPES,
  },
  {
    code: 'VISITS_EMERGENCY',
    nameZh: '急诊人次数',
    nameEn: 'Emergency visits',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.emergencyVisits,
    population: 'ALL',
    scopeKinds: HELD_SCOPES,
  },
  {
    code: 'VISITS_TCM',
    nameZh: '中医诊疗人次数',
    nameEn: 'Traditional Chinese medicine visits',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.tcmVisits,
    population: 'ALL',
    scopeKinds: HELD_SCOPES,
  },
  {
    code: 'VISITS_PRIMARY_CARE_TCM',
    nameZh: '基层医疗卫生机构中医诊疗人次数',
    nameEn: 'TCM visits at primary-care institutions',
    unit: '人次',
    fact: 'visits',
    value: (r: VisitCounts) => r.tcmVisits,
    population: 'PRIMARY_CARE',
    scopeKinds: HELD_SCOPES,
  },
];

function calendar(
  code: string,
  nameZh: string,
  nameEn: string,
  value: (start: string, end: string) => number | null,
): CalendarMeasure {
  return { code, nameZh, nameEn, unit: '天', fact: 'calendar', value, scopeKinds: HELD_SCOPES };
}

function counties(
  code: string,
  nameZh: string,
  nameEn: string,
  counts: (c: CountyFacts) => boolean | null,
): CountyMeasure {
  return { code, nameZh, nameEn, unit: '个', fact: 'counties', counts, scopeKinds: [ScopeKind.REGION] };
}

const diagnosisVisits = (
  code: string,
  nameZh: string,
  nameEn: string,
  group: DiagnosisGroupId,
): HeldMeasure =>
  held('diagnosisVisits', code, nameZh, nameEn, '例次', (r) =>
    r.group === group ? r.visits - r.emergencyVisits : 0,
  );
const procedureCases = (code: string, nameZh: string, nameEn: string, group: ProcedureGroupId): HeldMeasure =>
  held('procedures', code, nameZh, nameEn, '例次', (r) => (r.group === group ? r.cases : 0));

/** 30万人口以上 (household population of the year ≥ 300,000); null when the county has no figure. */
const POP_300K = 300_000;
const over300k = (c: CountyFacts): boolean | null =>
  c.householdPop === null ? null : c.householdPop >= POP_300K;
const isLevel2GradeA = (r: InstitutionRecord): boolean =>
  r.level === HospitalLevel.LEVEL_2 && r.grade === HospitalGrade.GRADE_A;
/** 二级甲等综合医院: A100, 二级, 甲等. */
const hasGeneral2A = (c: CountyFacts): boolean =>
  c.institutions.some((r) => r.categoryCode === 'A100' && isLevel2GradeA(r));
/** 二级甲等中医医院: 中医（综合）医院 A210 or 中医专科医院 A220–A229, 二级, 甲等. */
const hasTcm2A = (c: CountyFacts): boolean =>
  c.institutions.some((r) => /^A2[1-2]/.test(r.categoryCode ?? '') && isLevel2GradeA(r));
const and = (a: boolean | null, b: boolean): boolean | null => (a === null ? null : a && b);

/** 社会办接续性医疗机构 (legacy-systems.md canonical definitions): ownership 社会办 and the category. */
const privateOf =
  (...codes: string[]) =>
  (r: InstitutionRecord): boolean =>
    r.ownership === Ownership.PRIVATE && codes.includes(r.categoryCode ?? '');
const isPrivateRehab = privateOf('A527');
const isPrivateLongTermCare = privateOf('A710', 'A720');
const isPrivateHospice = privateOf('P900');
const publicHospital = (r: InstitutionRecord): boolean => isHospital(r) && isPublic(r);
const publicLevel =
  (level: HospitalLevel) =>
  (r: InstitutionRecord): boolean =>
    publicHospital(r) && r.level === level;
const grading = (r: InstitutionRecord): boolean => r.gradingSystem === true;

function registryBeds(
  code: string,
  nameZh: string,
  nameEn: string,
  counts: (r: InstitutionRecord) => boolean,
): RegistryCountMeasure {
  return { ...registryCount(code, nameZh, nameEn, counts), unit: '张', weight: (r) => r.beds };
}

/**
 * Measures of seed 004 表1–表4 added for the hospital and registry items: calendar days, fees,
 * admissions, diagnosis and procedure groups, day-surgery 病种, hospital-level populations, public
 * hospital and continuing-care counts, county counts and vital statistics.
 */
const hospitalMeasures: readonly InstitutionMeasure[] = [
  calendar('PERIOD_DAYS', '统计期日历天数', 'Calendar days of the period', calendarDays),
  calendar(
    'WORKING_DAYS',
    '统计期工作日天数',
    'Working days of the period (Monday–Friday not public holidays, plus 调休 weekend working days); null for a year without a holiday schedule',
    workingDays,
  ),
  held(
    'visits',
    'VISIT_FEES',
    '门急诊费用合计（门诊收入）',
    'Fees of the visits that happened (yuan)',
    '元',
    (r) => r.feeTotal,
  ),
  held(
    'discharges',
    'DISCHARGE_FEES',
    '出院患者住院总费用合计（住院收入）',
    'Total fees of the discharges of the period (yuan)',
    '元',
    (r) => r.feeTotal,
  ),
  held(
    'admissions',
    'ADMISSIONS',
    '住院患者人次数（入院人次）',
    'Admissions (by admission time)',
    '人次',
    (r) => r.admissions,
  ),
  diagnosisVisits(
    'VISITS_DX_DIABETES_OUTPATIENT',
    '第一诊断为糖尿病的门诊（平诊）就诊例次数',
    'Outpatient (non-emergency) visits with a first diagnosis of diabetes (ICD-10 E10–E14)',
    'DIABETES',
  ),
  diagnosisVisits(
    'VISITS_DX_HYPERTENSION_OUTPATIENT',
    '第一诊断为高血压的门诊（平诊）就诊例次数',
    'Outpatient (non-emergency) visits with a first diagnosis of hypertension (ICD-10 I10–I15)',
    'HYPERTENSION',
  ),
  held(
    'diagnosisDischarges',
    'DISCHARGES_AMI',
    '主要诊断为急性心肌梗死的出院人次数',
    'Discharges with a principal diagnosis of acute myocardial infarction (ICD-10 I21)',
    '例',
    (r) => (r.group === 'AMI' ? r.discharges : 0),
  ),
  procedureCases(
    'CESAREAN_CASES',
    '剖宫产例次数',
    'Caesarean sections (distinct discharges with 74.0/74.1/74.2/74.4/74.99)',
    'CESAREAN',
  ),
  procedureCases(
    'PCI_CASES',
    '经皮冠状动脉介入术例次数',
    'PCI (distinct discharges with 00.66/36.06/36.07)',
    'PCI',
  ),
  held(
    'dayCaseDiagnoses',
    'DAY_SURGERY_DIAGNOSIS_CATEGORIES',
    '日间手术覆盖的病种数',
    'Distinct ICD-10 categories (3 characters) of the principal diagnoses of day surgeries',
    '种',
    (r: DayCaseDiagnosisCounts) => r.procedures,
    'ALL',
    (r: DayCaseDiagnosisCounts) => r.category,
  ),
  held(
    'visits',
    'VISITS_HOSPITAL_LEVEL_2',
    '二级医院诊疗人次数',
    'Visits at 二级 hospitals',
    '人次',
    (r) => r.visits,
    'HOSPITAL_LEVEL_2',
  ),
  held(
    'visits',
    'VISITS_HOSPITAL_LEVEL_3',
    '三级医院诊疗人次数',
    'Visits at 三级 hospitals',
    '人次',
    (r) => r.visits,
    'HOSPITAL_LEVEL_3',
  ),
  held(
    'visits',
    'VISIT_FEES_HOSPITAL_LEVEL_2',
    '二级医院门急诊费用合计',
    'Visit fees at 二级 hospitals (yuan)',
    '元',
    (r) => r.feeTotal,
    'HOSPITAL_LEVEL_2',
  ),
  held(
    'visits',
    'VISIT_FEES_HOSPITAL_LEVEL_3',
    '三级医院门急诊费用合计',
    'Visit fees at 三级 hospitals (yuan)',
    '元',
    (r) => r.feeTotal,
    'HOSPITAL_LEVEL_3',
  ),
  discharge(
    'DISCHARGES_HOSPITAL_LEVEL_2',
    '二级医院出院人次数',
    'Discharges of 二级 hospitals',
    '人次',
    (r) => r.discharges,
    'HOSPITAL_LEVEL_2',
  ),
  discharge(
    'DISCHARGES_HOSPITAL_LEVEL_3',
    '三级医院出院人次数',
    'Discharges of 三级 hospitals',
    '人次',
    (r) => r.discharges,
    'HOSPITAL_LEVEL_3',
  ),
  discharge(
    'STAY_DAYS_HOSPITAL_LEVEL_2',
    '二级医院出院者占用总床日数',
    'Stay days of discharges of 二级 hospitals',
    '床日',
    (r) => r.stayDays,
    'HOSPITAL_LEVEL_2',
  ),
  discharge(
    'STAY_DAYS_HOSPITAL_LEVEL_3',
    '三级医院出院者占用总床日数',
    'Stay days of discharges of 三级 hospitals',
    '床日',
    (r) => r.stayDays,
    'HOSPITAL_LEVEL_3',
  ),
  discharge(
    'DISCHARGE_FEES_HOSPITAL_LEVEL_2',
    '二级医院住院总费用合计',
    'Inpatient fees of 二级 hospitals (yuan)',
    '元',
    (r) => r.feeTotal,
    'HOSPITAL_LEVEL_2',
  ),
  discharge(
    'DISCHARGE_FEES_HOSPITAL_LEVEL_3',
    '三级医院住院总费用合计',
    'Inpatient fees of 三级 hospitals (yuan)',
    '元',
    (r) => r.feeTotal,
    'HOSPITAL_LEVEL_3',
  ),
  discharge(
    'DISCHARGES_PUBLIC_HOSPITAL_2_3',
    '公立医院（二级、三级公立医院）出院人次数',
    'Discharges of public 二级 and 三级 hospitals',
    '人次',
    (r) => r.discharges,
    'PUBLIC_HOSPITAL_2_3',
  ),
  beds(
    'BED_DAYS_OPEN_PRIMARY_CARE',
    '基层医疗卫生机构实际开放总床日数',
    'Open bed days of primary-care institutions',
    (r) => r.openBedDays,
    'PRIMARY_CARE',
  ),
  beds(
    'BED_DAYS_OCCUPIED_PRIMARY_CARE',
    '基层医疗卫生机构实际占用总床日数',
    'Occupied bed days of primary-care institutions',
    (r) => r.occupiedBedDays,
    'PRIMARY_CARE',
  ),
  held(
    'surgeries',
    'DAY_SURGERY_PUBLIC_HOSPITALS_LEVEL_3',
    '开展日间手术的三级公立医院数',
    'Public 三级 hospitals with at least one day surgery in the period',
    '个',
    (r) => (r.dayCase ? r.count : 0),
    'PUBLIC_HOSPITAL_LEVEL_3',
    (r) => r.orgCode,
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL',
    '公立医院数',
    'Public hospitals (category A*, 政府办 or 其他公立)',
    publicHospital,
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL_LEVEL_2',
    '二级公立医院总数',
    'Public 二级 hospitals',
    publicLevel(HospitalLevel.LEVEL_2),
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL_LEVEL_3',
    '三级公立医院总数',
    'Public 三级 hospitals',
    publicLevel(HospitalLevel.LEVEL_3),
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL_2_3_GRADING',
    '建立分级诊疗信息系统的二、三级公立医院数',
    'Public 二级 and 三级 hospitals with a graded-care information system',
    (r) => (publicLevel(HospitalLevel.LEVEL_2)(r) || publicLevel(HospitalLevel.LEVEL_3)(r)) && grading(r),
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL_LEVEL_2_GRADING',
    '建立分级诊疗信息系统的二级公立医院数',
    'Public 二级 hospitals with a graded-care information system',
    (r) => publicLevel(HospitalLevel.LEVEL_2)(r) && grading(r),
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL_LEVEL_3_GRADING',
    '建立分级诊疗信息系统的三级公立医院数',
    'Public 三级 hospitals with a graded-care information system',
    (r) => publicLevel(HospitalLevel.LEVEL_3)(r) && grading(r),
  ),
  registryCount(
    'INST_TOWNSHIP_CENTER_GRADING',
    '建立分级诊疗信息系统的乡镇卫生院数',
    'Township health centres with a graded-care information system',
    (r) => isTownshipCenter(r) && grading(r),
  ),
  registryCount(
    'INST_COMMUNITY_CENTER_GRADING',
    '建立分级诊疗信息系统的社区卫生服务中心数',
    'Community health centres with a graded-care information system',
    (r) => isCommunityCenter(r) && grading(r),
  ),
  registryCount(
    'INST_PUBLIC_HOSPITAL_MUTUAL_RECOGNITION',
    '参与同级检查结果互认的公立医院数',
    'Public hospitals taking part in mutual recognition of examination results',
    (r) => publicHospital(r) && r.mutualRecognition === true,
  ),
  registryCount(
    'INST_PRIVATE_REHAB',
    '社会办康复型医疗机构总数',
    'Privately run rehabilitation hospitals (A527)',
    isPrivateRehab,
  ),
  registryCount(
    'INST_PRIVATE_LONG_TERM_CARE',
    '社会办长期护理型医疗机构总数',
    'Privately run nursing homes and nursing stations (A710, A720)',
    isPrivateLongTermCare,
  ),
  registryCount(
    'INST_PRIVATE_HOSPICE',
    '社会办临终关怀型医疗机构总数',
    'Privately run hospice centres (P900)',
    isPrivateHospice,
  ),
  registryBeds(
    'BEDS_PRIVATE_REHAB',
    '社会办康复型医疗机构床位数',
    'Beds (编制床位) of privately run rehabilitation hospitals',
    isPrivateRehab,
  ),
  registryBeds(
    'BEDS_PRIVATE_LONG_TERM_CARE',
    '社会办长期护理型医疗机构床位数',
    'Beds (编制床位) of privately run nursing homes and stations',
    isPrivateLongTermCare,
  ),
  registryBeds(
    'BEDS_PRIVATE_HOSPICE',
    '社会办临终关怀型医疗机构床位数',
    'Beds (编制床位) of privately run hospice centres',
    isPrivateHospice,
  ),
  counties('DIVISIONS_COUNTY', '县（市、区）总数', 'County-level divisions (县/市/区)', () => true),
  counties(
    'COUNTIES_POP_300K',
    '30万人口以上的县数',
    'Counties with a household population of at least 300,000',
    over300k,
  ),
  counties(
    'COUNTIES_POP_300K_GENERAL_2A',
    '30万以上人口的县拥有至少一所二级甲等综合医院的县数',
    'Counties of 300,000 or more with at least one 二级甲等 general hospital (A100)',
    (c) => and(over300k(c), hasGeneral2A(c)),
  ),
  counties(
    'COUNTIES_POP_300K_TCM_2A',
    '30万以上人口的县拥有至少一所二级甲等中医医院的县数',
    'Counties of 300,000 or more with at least one 二级甲等 TCM hospital (A210, A220–A229)',
    (c) => and(over300k(c), hasTcm2A(c)),
  ),
  counties(
    'COUNTIES_POP_300K_BOTH_2A',
    '30万人口以上且拥有至少一所二级甲等综合医院和一所二级甲等中医医院的县数',
    'Counties of 300,000 or more with both a 二级甲等 general and a 二级甲等 TCM hospital',
    (c) => and(over300k(c), hasGeneral2A(c) && hasTcm2A(c)),
  ),
  { ...population('POP_LIVE_BIRTHS', '活产数', 'Live births', (r) => r.liveBirths), unit: '人' },
  population('POP_INFANT_DEATHS', '婴儿死亡数', 'Infant deaths', (r) => r.infantDeaths),
  population('POP_MATERNAL_DEATHS', '孕产妇死亡数', 'Maternal deaths', (r) => r.maternalDeaths),
  {
    ...population(
      'LIFE_EXPECTANCY',
      '人均预期寿命',
      "Life expectancy (years): the division's own row only, never summed",
      (r) => (r.derived ? null : r.lifeExpectancy),
    ),
    unit: '岁',
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
  ...hospitalMeasures,
];

export const measureByCode = new Map(institutionMeasures.map((m) => [m.code, m]));
