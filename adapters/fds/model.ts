/**
 * Canonical facts of the family-doctor contract system (家庭医生签约服务, legacy-systems.md §6).
 * No person identifier appears here: person_key is used only inside COUNT(DISTINCT …).
 */
import type { Period } from '../../schema/period';

/**
 * 重点人群 (key groups) of `people_flags`: '01' 孕产妇 PREGNANT, '02' 0-6岁儿童 CHILD_0_6,
 * '03' 60岁及以上老年人 ELDERLY_60, '04' 高血压 HYPERTENSION, '05' 2型糖尿病 DIABETES_T2,
 * '06' 严重精神障碍 SEVERE_MENTAL, '07' 肺结核 TUBERCULOSIS, '08' 残疾人 DISABLED,
 * '09' 计划生育特殊家庭 SPECIAL_FAMILY, '11' 城乡低保 LOW_INCOME, '12' 重点优抚对象 PRIORITY_CARE,
 * '13' 建档立卡低收入 REGISTERED_POOR.
 */
export type KeyGroup =
  | 'PREGNANT'
  | 'CHILD_0_6'
  | 'ELDERLY_60'
  | 'HYPERTENSION'
  | 'DIABETES_T2'
  | 'SEVERE_MENTAL'
  | 'TUBERCULOSIS'
  | 'DISABLED'
  | 'SPECIAL_FAMILY'
  | 'LOW_INCOME'
  | 'PRIORITY_CARE'
  | 'REGISTERED_POOR';

/** 人群分类: a key group, '10' 一般人群 GENERAL or '14' 其他 OTHER (neither is a key group). */
export type PeopleGroup = KeyGroup | 'GENERAL' | 'OTHER';

/** sign_flag: '1' 签约 SIGNED, '2' 解约 TERMINATED, '3' 续约 RENEWED, '4' 待签约 PENDING. */
export type SignStatus = 'SIGNED' | 'TERMINATED' | 'RENEWED' | 'PENDING' | 'UNKNOWN';

/** fd_team_member.role: 'GP', 'SPECIALIST', 'NURSE', 'PH' 公卫, 'OTHER'; anything else UNKNOWN. */
export type TeamRole = 'GP' | 'SPECIALIST' | 'NURSE' | 'PUBLIC_HEALTH' | 'OTHER' | 'UNKNOWN';

/** Persons per key group (each person once per group). */
export type KeyGroupCounts = Readonly<Record<KeyGroup, number>>;

/** A request for signing states at the time points of periods (统计时间点 = each period's last day). */
export interface SigningQuery {
  readonly periods: readonly Period[];
  /** Residents' counties (division_code); null or absent: every county of the source. */
  readonly divisionCodes?: readonly string[] | null;
}

/** A request by the institution of the signing team (fd_team.org_code). */
export interface TeamOrgSigningQuery {
  readonly periods: readonly Period[];
  /** Team institutions; null or absent: every institution. */
  readonly orgCodes?: readonly string[] | null;
}

/**
 * Signed persons at one time point, counted once each however many contracts cover them. A person
 * is signed at `t` when a contract covers `t`: signed_on ≤ t ≤ valid_until, and
 *   - sign_flag '1' 签约 or '3' 续约, not stopped (no stop_date, or stop_date after t), or
 *   - sign_flag '2' 解约 with a stop_date after t: the contract was in force until it was ended
 *     on stop_date (a '2' without a known stop_date never counts);
 * sign_flag '4' 待签约 never counts. A person's groups are the union of the flags of the
 * contracts covering them at t.
 */
export interface SignedPersonCounts {
  /** Period id whose last day is the time point. */
  readonly period: string;
  /** The time point, `yyyyMMdd`. */
  readonly point: string;
  /** 家庭医生签约服务人数. */
  readonly signedPersons: number;
  /** 重点人群签约服务人数: persons with any people_flags code but '10' and '14'. */
  readonly keyGroupPersons: number;
  /** 获得家庭医生签约服务的建档立卡贫困人口数 ('13'). */
  readonly registeredPoorPersons: number;
  /** "1+1+1": persons whose contract also names a 二级 and a 三级 hospital. */
  readonly onePlusOnePlusOnePersons: number;
  readonly keyGroups: KeyGroupCounts;
}

/** Signed persons of one resident county at a time point. */
export interface DivisionSignedPersons extends SignedPersonCounts {
  readonly divisionCode: string;
}

/** Signed persons of one team institution (fd_team.org_code) at a time point. */
export interface TeamOrgSignedPersons extends SignedPersonCounts {
  readonly orgCode: string;
}

/** A request for the fee composition of the contracts signed in periods. */
export interface FeeQuery {
  readonly periods: readonly Period[];
  readonly divisionCodes?: readonly string[] | null;
}

/**
 * 签约服务费 composition of the contracts signed in a period (signed_on in [start, end)), per
 * resident county: every contract that was actually signed (sign_flag '1', '2' or '3'; '4'
 * pending never was), whatever happened to it later. Yuan, rounded to the fen. The per-person
 * yearly fee of the seed (元/人/年) is `feeTotal / contracts` (contracts run one year), and so on
 * for each of the three sources: 医保基金 + 财政投入 + 个人付费 = total.
 */
export interface FeeComposition {
  readonly period: string;
  readonly divisionCode: string;
  readonly contracts: number;
  /** Distinct persons among those contracts. */
  readonly persons: number;
  readonly feeTotal: number;
  readonly feeInsurance: number;
  readonly feeFiscal: number;
  readonly feePersonal: number;
}

/** Contracts signed in a period with a fee (fee_total > 0), per resident county. */
export interface PaidContracts {
  readonly period: string;
  readonly divisionCode: string;
  readonly paidContracts: number;
}

/** A request for teams at the time points of periods. */
export interface TeamQuery {
  readonly periods: readonly Period[];
  readonly orgCodes?: readonly string[] | null;
}

/**
 * Family-doctor teams of one institution existing at a time point (created_on ≤ t, and not
 * dissolved: dissolved_on empty/NULL or after t). Membership has no dates in the contract:
 * members are the team's current members.
 */
export interface TeamCounts {
  readonly period: string;
  readonly point: string;
  readonly orgCode: string;
  readonly teams: number;
  /** Distinct GP practitioners (role 'GP') in those teams: 开展签约服务的家庭医生数 of the institution. */
  readonly generalPractitioners: number;
  /** Teams with at least one GP member. */
  readonly teamsWithGp: number;
  /** 专科医师X+团队N: teams naming a specialist's hospital or having a SPECIALIST member. */
  readonly specialistTeams: number;
}
