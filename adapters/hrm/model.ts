import type { LocalDate, Period } from '../../schema/period';

/**
 * Canonical facts of the health workforce registry (legacy-systems.md §9). Every row is already
 * aggregated by the database; no practitioner identifier (pract_id, cert_hash) survives here.
 */

/** 执业类别 (the registry's code set, including its non-physician categories). */
export type PractitionerCategory =
  | 'CLINICAL' // '1' 临床
  | 'DENTAL' // '2' 口腔
  | 'PUBLIC_HEALTH' // '3' 公共卫生
  | 'TCM' // '4' 中医
  | 'NURSE' // '5' 护士
  | 'PHARMACIST' // '6' 药师
  | 'TECHNICIAN' // '7' 技师
  | 'OTHER'; // '9' 其他

/** 职称级别. */
export type TitleLevel = 'SENIOR' | 'INTERMEDIATE' | 'JUNIOR' | 'NONE';

/** 全科培训: none, 助理全科 '3+2', 全科规培 '5+3', 转岗培训. */
export type GpTraining = 'NONE' | 'ASSISTANT_3_2' | 'RESIDENCY_5_3' | 'TRANSFER';

/** 派驻 kind: 专业技术 or 管理. */
export type AssignmentKind = 'TECH' | 'MGMT';

/** 引进人才 discipline. */
export type RecruitmentDiscipline = 'EMERGENCY' | 'PEDIATRICS' | 'ANESTHESIA' | 'ICU' | 'OTHER';

/**
 * One request: the periods (a state is read at each period's last day, the 统计时间点; a flow
 * counts what happens inside the period) and the institutions (null = every institution).
 */
export interface HrmQuery {
  readonly periods: readonly Period[];
  readonly orgCodes: readonly string[] | null;
}

/** Practitioners on post at a time point, per institution, category and title. */
export interface PractitionersOnPost {
  /** Period id, e.g. `2019H1`. */
  readonly period: string;
  /** The time point: the period's last day, `yyyyMMdd`. */
  readonly point: LocalDate;
  /** 主要执业机构. */
  readonly orgCode: string;
  /** null when the registry's code is empty or unknown. */
  readonly category: PractitionerCategory | null;
  /** null when the registry's value is empty or unknown. */
  readonly titleLevel: TitleLevel | null;
  readonly practitioners: number;
  /** Of them, holding at least one active 'MULTI' practice site at the point (additive across institutions). */
  readonly multiSite: number;
}

/**
 * 在岗 practitioners at a time point per institution: the totals of PractitionersOnPost over its
 * categories and titles, with the physicians' (categories '1'–'4') multi-site count.
 */
export interface PractitionersOnPostTotals {
  /** Period id, e.g. `2019H1`. */
  readonly period: string;
  /** The time point: the period's last day, `yyyyMMdd`. */
  readonly point: LocalDate;
  /** 主要执业机构. */
  readonly orgCode: string;
  readonly practitioners: number;
  /** Of them, holding at least one active 'MULTI' practice site at the point. */
  readonly multiSite: number;
  /** Of those, physicians (执业类别 '1'–'4'). */
  readonly physiciansMultiSite: number;
}

/**
 * 全科医生 on post at a time point, by the contract's rule: category '1' or '4' and (scope '21' or
 * training '3+2'/'5+3'/'TRANSFER'). Grouped per institution, title and training.
 */
export interface GeneralPractitioners {
  readonly period: string;
  readonly point: LocalDate;
  readonly orgCode: string;
  readonly titleLevel: TitleLevel | null;
  /** null when the registry's gp_training is empty or unknown (such a GP qualifies by scope '21'). */
  readonly training: GpTraining | null;
  readonly gps: number;
  /** Of them, registered with scope '21' 全科医学专业 (the seed's narrower definition). */
  readonly scopeGeneralPractice: number;
}

/**
 * Practitioners on post practising at a second site ('MULTI') at a time point, per main
 * institution, site and filing. `practitioners` counts distinct practitioners inside the group:
 * one practising at two sites appears under both (not additive across sites; use
 * `PractitionersOnPost.multiSite` for additive counts by main institution).
 */
export interface MultiSitePractice {
  readonly period: string;
  readonly point: LocalDate;
  readonly mainOrgCode: string;
  readonly siteOrgCode: string;
  readonly category: PractitionerCategory | null;
  /** 已备案; null when unknown (empty or NULL). */
  readonly filed: boolean | null;
  readonly practitioners: number;
}

/** 派驻/下派 in a period, per sending and receiving institution and kind. */
export interface AssignmentFlow {
  readonly period: string;
  readonly fromOrgCode: string;
  readonly toOrgCode: string;
  /** null when the registry's kind is empty or unknown. */
  readonly kind: AssignmentKind | null;
  /** 人次: assignments starting in the period. */
  readonly personTimes: number;
  /** Distinct practitioners among them (not additive across groups). */
  readonly persons: number;
  /** 天数: calendar days of every assignment that fall inside the period (start and end day included). */
  readonly days: number;
  /**
   * 连续工作3个月以上: assignments starting in the period that last at least 90 days in total
   * (end − start + 1 ≥ 90), counted in the period they start; an open assignment (no end date) counts.
   */
  readonly longStays: number;
  /** Distinct practitioners among the long stays (not additive across groups). */
  readonly longStayPersons: number;
}

/** 进修 in a period, per home institution (sender) and host institution. */
export interface FurtherTrainingFlow {
  readonly period: string;
  readonly homeOrgCode: string;
  readonly hostOrgCode: string;
  /** 进修次数: trainings starting in the period. */
  readonly trainings: number;
  /** 进修人数: distinct practitioners among them (not additive across groups). */
  readonly persons: number;
  /** 进修时间（天）: calendar days of every training that fall inside the period. */
  readonly days: number;
  /** Trainings starting in the period lasting at most 6 months (≤ 184 days). */
  readonly upTo6Months: number;
  /** … more than 6 and at most 12 months (185–366 days). */
  readonly upTo12Months: number;
  /** … more than 12 months (> 366 days). Open trainings (no end date) are in none of the three. */
  readonly over12Months: number;
}

/** 引进人才 hired in a period, per institution and discipline. */
export interface Recruitments {
  readonly period: string;
  readonly orgCode: string;
  /** null when the registry's discipline is empty or unknown. */
  readonly discipline: RecruitmentDiscipline | null;
  readonly recruits: number;
}

/**
 * A request for physicians of 二级以上医院 practising at a lower-level institution: the registry's
 * hospitals by level (other systems' canonical data, passed in), and the main institutions asked.
 */
export interface PractisingDownQuery extends HrmQuery {
  /** 三级医院 (hospitals, not primary care, hosp_level '3'). */
  readonly level3: readonly string[];
  /** 二级医院 (hospitals, not primary care, hosp_level '2'). */
  readonly level2: readonly string[];
}

/**
 * Physicians (categories '1'–'4') on post of one main institution with active 'MULTI' practice
 * sites at the point, per set of sites: `physicians` hold exactly the sites `siteOrgCodes` (their
 * distinct codes, sorted, joined by ','). Additive over rows: each physician is in one row. The
 * registry's levels then say which sets hold a site of a lower level (到下级医疗机构执业).
 */
export interface PracticeSites {
  readonly period: string;
  readonly point: LocalDate;
  readonly mainOrgCode: string;
  /** The sites' codes, sorted, joined by ','; null when none has a code. */
  readonly siteOrgCodes: string | null;
  readonly physicians: number;
}

/** Distinct physicians of one main institution practising ('MULTI') at a lower-level site at the point. */
export interface PractisingDown {
  readonly period: string;
  readonly point: LocalDate;
  readonly mainOrgCode: string;
  readonly physicians: number;
}

/** Distinct practitioners of one home institution starting a further training (进修) in the period. */
export interface FurtherTrainingPersons {
  readonly period: string;
  readonly homeOrgCode: string;
  readonly persons: number;
}
