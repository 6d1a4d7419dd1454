import type { ClassifiedReferralCount } from '../../../adapters/referral/model';

/** Which institution of a referral places it in a scope: its sender, or (for "received") its receiver. */
export type ReferralSide = 'SENDER' | 'RECEIVER';

/** A referral measure of this subgraph, as data: which side places it, and which referrals count. */
export interface ReferralMeasure {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly side: ReferralSide;
  /** For a region scope (分级诊疗, by the registry's levels). */
  readonly countsForRegion: (row: ClassifiedReferralCount) => boolean;
  /** For an institution scope (表3/表4: 从本院转到上级/下级医院, by the registry's levels). */
  readonly countsForInstitution: (row: ClassifiedReferralCount) => boolean;
}

/**
 * Referral measures over the regional platform (legacy-systems.md, canonical Referrals): accepted
 * referrals (ZT '1') in the period of SQSJ, the direction derived from the registry, never ZZLX.
 */
export const referralMeasures: readonly ReferralMeasure[] = [
  {
    code: 'REFERRALS_DOWN',
    nameZh: '下转患者数',
    nameEn:
      'Referrals down: region — from a secondary/tertiary hospital to a primary-care or continuing-care institution (分级诊疗下转); institution — to a lower level',
    unit: '人次',
    side: 'SENDER',
    countsForRegion: (r) => r.regionDownward,
    countsForInstitution: (r) => r.derivedDirection === 'DOWN',
  },
  {
    code: 'REFERRALS_UP',
    nameZh: '上转患者数',
    nameEn:
      'Referrals up: region — from a primary-care or continuing-care institution to a secondary/tertiary hospital (分级诊疗上转); institution — to a higher level',
    unit: '人次',
    side: 'SENDER',
    countsForRegion: (r) => r.regionUpward,
    countsForInstitution: (r) => r.derivedDirection === 'UP',
  },
  {
    code: 'REFERRALS_RECEIVED_UP',
    nameZh: '接收下级医院上转的例数',
    nameEn: 'Upward referrals received (from a lower level), by receiver',
    unit: '人次',
    side: 'RECEIVER',
    countsForRegion: (r) => r.derivedDirection === 'UP',
    countsForInstitution: (r) => r.derivedDirection === 'UP',
  },
  {
    code: 'REFERRAL_DIRECTION_MISMATCHES',
    nameZh: '转诊方向与机构等级不符数',
    nameEn: 'Referrals whose claimed direction (ZZLX) disagrees with the registry levels (data quality)',
    unit: '人次',
    side: 'SENDER',
    countsForRegion: (r) => r.claimAgrees === false,
    countsForInstitution: (r) => r.claimAgrees === false,
  },
];

export const measureByCode = new Map(referralMeasures.map((m) => [m.code, m]));
