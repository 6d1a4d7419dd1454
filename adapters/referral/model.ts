import type { MonthlyQuery } from '../sql/time';

/**
 * Canonical facts of the regional two-way referral platform (双向转诊, legacy-systems.md §7).
 * No patient identifier appears here: BRID is never selected.
 */

/**
 * A referral's direction. As claimed by the platform (ZZLX '1' 上转, '2' 下转, '3' 平转; empty,
 * NULL or another code: UNKNOWN), or as derived from the registry's levels (UNKNOWN when an
 * institution is missing from the registry or the two levels cannot be compared).
 */
export type ReferralDirection = 'UP' | 'DOWN' | 'LATERAL' | 'UNKNOWN';

/** 转诊单状态 ZT: '0' 待接收, '1' 已接收, '2' 已拒绝, '3' 已撤销; anything else UNKNOWN. */
export type ReferralStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CANCELLED' | 'UNKNOWN';

/**
 * The disease groups of the 表3 items 20–24 (上转/下转人数 by disease), by the first three
 * characters of the ICD-10 code (JBDM): 脑血管疾病 I60–I69, 高血压 I10–I15, 糖尿病 E10–E14,
 * 慢性阻塞性肺疾病 J44, 肿瘤 C00–D48 (the ICD-10 neoplasm chapter); everything else, and an
 * empty code, OTHER.
 */
export type DiseaseGroup = 'CEREBROVASCULAR' | 'HYPERTENSION' | 'DIABETES' | 'COPD' | 'NEOPLASM' | 'OTHER';

/** Which institution of a referral the query's `orgCodes` select. */
export type ReferralSide = 'SENDER' | 'RECEIVER';

/** A request for referral counts. */
export interface ReferralQuery extends MonthlyQuery {
  /**
   * Institutions (null or absent: every institution on the platform). A referral belongs to its
   * sender's scope (`by` SENDER, the default); "received" measures select by RECEIVER.
   */
  readonly orgCodes?: readonly string[] | null;
  readonly by?: ReferralSide;
}

/** Accepted referrals (ZT '1') of one sender → receiver pair, claimed direction, disease group and month. */
export interface ReferralCount {
  /** 转出机构 (ZCJG); null when empty. */
  readonly senderOrg: string | null;
  /** 转入机构 (ZRJG); null when empty. */
  readonly receiverOrg: string | null;
  /** The platform's claim (ZZLX), never the measure's direction. */
  readonly claimedDirection: ReferralDirection;
  readonly diseaseGroup: DiseaseGroup;
  /** `yyyyMM` of SQSJ. */
  readonly month: string;
  readonly referrals: number;
}

/** Applications of one sender and month by status (data quality: pending, rejected, cancelled). */
export interface ReferralStatusCount {
  readonly senderOrg: string | null;
  readonly status: ReferralStatus;
  readonly month: string;
  readonly referrals: number;
}

/** A `ReferralCount` with its direction derived from the registry (see `direction.ts`). */
export interface ClassifiedReferralCount extends ReferralCount {
  /** By the levels of sender and receiver (the system of record for 上转/下转/接收上转). */
  readonly derivedDirection: ReferralDirection;
  /**
   * 分级诊疗下转 (region scope): from a 二级/三级 hospital to a primary-care (基层) or a
   * continuing-care (接续性) institution.
   */
  readonly regionDownward: boolean;
  /** 分级诊疗上转 (region scope): from a primary-care or continuing-care institution to a 二级/三级 hospital. */
  readonly regionUpward: boolean;
  /** Whether ZZLX agrees with the levels; null when either direction is UNKNOWN (nothing to compare). */
  readonly claimAgrees: boolean | null;
}

/** Data-quality finding: ZZLX disagrees with the registry's levels for one sender → receiver pair. */
export interface DirectionMismatch {
  readonly senderOrg: string | null;
  readonly receiverOrg: string | null;
  readonly claimedDirection: ReferralDirection;
  readonly derivedDirection: ReferralDirection;
  /** Accepted referrals concerned, over all months and disease groups of the input. */
  readonly referrals: number;
}

/** `classifyReferrals`: every row with its derived direction, and the data-quality findings. */
export interface ReferralClassification {
  readonly rows: ClassifiedReferralCount[];
  /** Claimed ≠ derived (both known), by pair and claim, most referrals first. */
  readonly mismatches: DirectionMismatch[];
  /** Referrals whose claim disagrees with the levels (the sum of `mismatches`). */
  readonly mismatchedReferrals: number;
  /** Referrals without a usable claim (ZZLX empty, NULL or unknown code). */
  readonly unclaimedReferrals: number;
  /** Referrals whose direction the registry cannot decide (institution unknown, level unrated). */
  readonly undeterminedReferrals: number;
}
