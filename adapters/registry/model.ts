import type {
  HospitalGrade,
  HospitalLevel,
  InstitutionCategory,
  Ownership,
  RegionLevel,
} from '../../schema/enums';

/** 行政区划, canonical. */
export interface DivisionRecord {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

/** 医疗卫生机构, canonical (no vendor code survives here). */
export interface InstitutionRecord {
  readonly orgCode: string;
  readonly name: string;
  /** WS 218 code, normalised (`B1OO` → `B100`); null when unknown. */
  readonly categoryCode: string | null;
  readonly category: InstitutionCategory;
  readonly primaryCare: boolean;
  readonly level: HospitalLevel;
  readonly grade: HospitalGrade;
  readonly ownership: Ownership | null;
  readonly divisionCode: string;
  readonly beds: number | null;
  readonly tcmService: boolean | null;
  readonly meetsStandard: boolean | null;
  readonly gradingSystem: boolean | null;
  readonly mutualRecognition: boolean | null;
  /** `yyyyMMdd`. */
  readonly openedOn: string | null;
  readonly closedOn: string | null;
}

/** 医联体类型: 城市医疗集团, 县域医共体, 专科联盟, 远程医疗协作网. */
export type AllianceKind = 'URBAN_GROUP' | 'COUNTY_COMMUNITY' | 'SPECIALTY_ALLIANCE' | 'TELEMEDICINE_NETWORK';

/** 医联体, canonical. */
export interface AllianceRecord {
  readonly allianceId: string;
  readonly name: string;
  readonly kind: AllianceKind | null;
  readonly leadOrgCode: string | null;
  readonly divisionCode: string | null;
  readonly specialty: string | null;
  readonly tcm: boolean | null;
  readonly tight: boolean | null;
  readonly typical: boolean | null;
  readonly servicePopulation: number | null;
  /** `yyyyMMdd`. */
  readonly establishedOn: string | null;
  readonly dissolvedOn: string | null;
}

/** 医联体成员 (the lead is a member too, role LEAD). */
export interface AllianceMemberRecord {
  readonly allianceId: string;
  readonly orgCode: string;
  readonly role: 'LEAD' | 'MEMBER';
  readonly joinedOn: string | null;
  readonly leftOn: string | null;
}

/** 机制与制度 — qualitative facts in force over a span of dates. */
export type MechanismItem =
  | 'CHARTER'
  | 'QUALITY_HOMOGENEITY'
  | 'REFERRAL_STANDARD'
  | 'PRIORITY_SERVICE'
  | 'CONTINUITY'
  | 'EMR_SHARING'
  | 'PACKAGED_PAYMENT'
  | 'GLOBAL_BUDGET'
  | 'PRESCRIPTION_EXTENSION'
  | 'BENEFIT_SHARING'
  | 'PERF_PAY';

export interface MechanismRecord {
  readonly allianceId: string;
  readonly item: MechanismItem;
  readonly since: string | null;
  readonly until: string | null;
}

export type SharedCenterKind =
  | 'IMAGING'
  | 'LAB'
  | 'PATHOLOGY'
  | 'DIALYSIS'
  | 'HOSPICE'
  | 'DISINFECTION'
  | 'REHAB'
  | 'NURSING'
  | 'EYE'
  | 'CHECKUP'
  | 'LOGISTICS'
  | 'ECG';

/** 区域共享中心. */
export interface SharedCenterRecord {
  readonly centerId: string;
  readonly hostOrgCode: string;
  readonly allianceId: string | null;
  readonly kind: SharedCenterKind;
  readonly openedOn: string | null;
}

export type SupportKind =
  | 'NEW_TECH'
  | 'NEW_PROJECT'
  | 'SPECIALTY'
  | 'EQUIPMENT'
  | 'EXPERT_CLINIC'
  | 'TEACHING_ROUND'
  | 'LECTURE'
  | 'TEACHING_SURGERY'
  | 'MGMT_OUTPUT';

/** 帮扶与辐射带动, aggregated per (helping, helped, kind, month). */
export interface SupportActivityCount {
  readonly fromOrgCode: string;
  readonly toOrgCode: string;
  readonly kind: SupportKind;
  readonly month: string;
  readonly activities: number;
  /** Sum of `amount` (yuan), for EQUIPMENT; null when none recorded. */
  readonly amount: number | null;
  /** EQUIPMENT activities of at least 300,000 yuan (赠送30万元以上大型设备). */
  readonly equipmentOver300k: number;
}

export type PolicyKind =
  | 'ALLIANCE_PLAN'
  | 'GRID_PLAN'
  | 'INSURANCE_DIFF'
  | 'BENEFIT_SHARING'
  | 'TELEMED_PRICING'
  | 'PERF_PAY'
  | 'HOME_BED_PRICING'
  | 'GRADING_IN_GOV_ASSESSMENT'
  | 'COUNTY_PLAN';

/** 政策文件. */
export interface PolicyDocumentRecord {
  readonly divisionCode: string;
  readonly kind: PolicyKind;
  readonly issuedOn: string | null;
  readonly title: string;
}

/** 人口与健康统计 of one division and year; `derived` when summed from the counties below it. */
export interface DivisionStatRecord {
  readonly code: string;
  readonly year: number;
  readonly householdPop: number | null;
  readonly householdUrbanPop: number | null;
  readonly residentPop: number | null;
  readonly poorPop: number | null;
  readonly registeredPoorPop: number | null;
  readonly keyGroupPop: number | null;
  readonly liveBirths: number | null;
  readonly infantDeaths: number | null;
  readonly maternalDeaths: number | null;
  /** Not summable: null where the division's own row does not give it. */
  readonly lifeExpectancy: number | null;
  readonly derived: boolean;
}
