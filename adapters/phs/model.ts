/**
 * Canonical facts of the basic public health service system (基本公共卫生服务, legacy-systems.md §5).
 * No patient identifier appears here: a chronic-disease record (档案, one per person and disease)
 * is only ever counted.
 */
import type { Period } from '../../schema/period';

/** 慢病类型 JBLX: '1' 高血压, '2' 2型糖尿病 (other codes are not managed diseases here). */
export type ChronicDisease = 'HYPERTENSION' | 'DIABETES_T2';

/**
 * 随访方式 SFFS: '1' 门诊就诊 CLINIC, '2' 站点就诊 SITE, '3' 社区随访 COMMUNITY, '4' 上门随访 HOME,
 * '5' 电话随访 PHONE, '6' 群组随访 GROUP, '9' 其他 OTHER; anything else UNKNOWN.
 * Face to face: CLINIC, SITE, COMMUNITY, HOME, GROUP.
 */
export type FollowUpMode = 'CLINIC' | 'SITE' | 'COMMUNITY' | 'HOME' | 'PHONE' | 'GROUP' | 'OTHER' | 'UNKNOWN';

/** A request for chronic-disease management counts. */
export interface ChronicManagementQuery {
  /** Reporting periods; all answered by one statement. */
  readonly periods: readonly Period[];
  /** Managing institutions (GLJG); null or absent: every institution of the source. */
  readonly orgCodes?: readonly string[] | null;
  /** Residents' counties (XZQH); null or absent: every county. */
  readonly divisionCodes?: readonly string[] | null;
}

/**
 * 纳入慢病管理 / 规范化诊疗和管理 for one period, managing institution, resident's county and disease.
 *
 * - `managed`: records open on some day of the period: opened (JDRQ) before the period's end and
 *   not closed (JARQ empty/NULL, or JARQ on or after the period's first day). A record without an
 *   opening date (JDRQ empty/NULL) cannot be placed in time and is not counted.
 * - `standardizedManaged`: managed records with at least `requiredFollowUps` face-to-face
 *   follow-ups (SFFS '1','2','3','4','6'; never '5' phone or '9' other) dated inside the period.
 */
export interface ChronicManagementCounts {
  /** Period id, e.g. `2019H1`. */
  readonly period: string;
  /** GLJG; null when the record names none. */
  readonly orgCode: string | null;
  /** XZQH, the resident's county; null when unknown. */
  readonly divisionCode: string | null;
  readonly disease: ChronicDisease;
  readonly managed: number;
  readonly standardizedManaged: number;
  /** The face-to-face follow-ups a record needed in this period (4 a year, 2 a half-year, 1 a quarter or month). */
  readonly requiredFollowUps: number;
}

/** A request for the two-week illness survey (卫生服务调查). */
export interface TwoWeekSurveyQuery {
  readonly years: readonly number[];
  /** Null or absent: every division of the source. */
  readonly divisionCodes?: readonly string[] | null;
}

/** 居民2周患病就诊 for one division and survey year: sums over the survey responses. */
export interface TwoWeekSurveyCounts {
  readonly divisionCode: string;
  readonly year: number;
  /** Number of responses (rows). */
  readonly responses: number;
  /** 居民2周患病去医疗机构就诊次数. */
  readonly visits: number;
  /** 其中首选基层医疗卫生机构的次数. */
  readonly primaryFirstVisits: number;
}
