import { HospitalLevel, Ownership } from '../../schema/enums';
import type { InstitutionRecord } from '../registry/model';
import type {
  ClassifiedReferralCount,
  DirectionMismatch,
  ReferralClassification,
  ReferralCount,
  ReferralDirection,
} from './model';

/**
 * A referral's direction from the registry's levels (legacy-systems.md, "Canonical definitions",
 * Referrals): pure functions over the registry's canonical institutions, never ZZLX.
 */

/** 接续性医疗机构 categories: 康复医院, 护理院, 护理站, 安宁疗护中心 (when 社会办). */
export const CONTINUING_CARE_CATEGORIES: readonly string[] = ['A527', 'A710', 'A720', 'P900'];

/** 接续性医疗机构: ownership 社会办 and category A527, A710, A720 or P900. */
export function isContinuingCare(inst: InstitutionRecord): boolean {
  return (
    inst.ownership === Ownership.PRIVATE &&
    inst.categoryCode !== null &&
    CONTINUING_CARE_CATEGORIES.includes(inst.categoryCode)
  );
}

function levelRank(level: HospitalLevel): number | null {
  switch (level) {
    case HospitalLevel.LEVEL_3:
      return 3;
    case HospitalLevel.LEVEL_2:
      return 2;
    case HospitalLevel.LEVEL_1:
      return 1;
    default:
      return null;
  }
}

/** 二级/三级医院: not primary care, not continuing care, hosp_level '2' or '3'. */
export function isSecondaryOrTertiaryHospital(inst: InstitutionRecord): boolean {
  const rank = levelRank(inst.level);
  return !inst.primaryCare && !isContinuingCare(inst) && rank !== null && rank >= 2;
}

/**
 * The direction of a referral from `sender` to `receiver`, by the registry:
 * 1. an institution unknown to the registry → UNKNOWN;
 * 2. primary care (基层, category B/C/D) is below any hospital, whatever its hosp_level (a
 *    township centre carrying '1' is still primary care): primary → primary is LATERAL,
 *    primary → hospital UP, hospital → primary DOWN;
 * 3. a continuing-care institution (社会办 A527/A710/A720/P900) is the lower side against a
 *    二级/三级 hospital, whatever its own level (so every 分级诊疗下转 is DOWN, every 上转 UP);
 * 4. otherwise level 3 > 2 > 1: to a higher level UP, to a lower DOWN, same level LATERAL; an
 *    unrated (未定级) hospital cannot be compared → UNKNOWN.
 */
export function directionOf(
  sender: InstitutionRecord | undefined,
  receiver: InstitutionRecord | undefined,
): ReferralDirection {
  if (!sender || !receiver) return 'UNKNOWN';
  if (sender.primaryCare && receiver.primaryCare) return 'LATERAL';
  if (sender.primaryCare) return 'UP';
  if (receiver.primaryCare) return 'DOWN';
  const senderCc = isContinuingCare(sender);
  const receiverCc = isContinuingCare(receiver);
  if (senderCc && !receiverCc && isSecondaryOrTertiaryHospital(receiver)) return 'UP';
  if (receiverCc && !senderCc && isSecondaryOrTertiaryHospital(sender)) return 'DOWN';
  const s = levelRank(sender.level);
  const r = levelRank(receiver.level);
  if (s === null || r === null) return 'UNKNOWN';
  return r > s ? 'UP' : r < s ? 'DOWN' : 'LATERAL';
}

/** 分级诊疗下转 (region scope): from a 二级/三级 hospital to a primary-care or continuing-care institution. */
export function isRegionDownward(
  sender: InstitutionRecord | undefined,
  receiver: InstitutionRecord | undefined,
): boolean {
  return (
    !!sender &&
    !!receiver &&
    isSecondaryOrTertiaryHospital(sender) &&
    (receiver.primaryCare || isContinuingCare(receiver))
  );
}

/** 分级诊疗上转 (region scope): from a primary-care or continuing-care institution to a 二级/三级 hospital (a 下转 reversed). */
export function isRegionUpward(
  sender: InstitutionRecord | undefined,
  receiver: InstitutionRecord | undefined,
): boolean {
  return isRegionDownward(receiver, sender);
}

/** What the registry's levels say of one (sender, receiver) pair. */
interface PairClass {
  readonly direction: ReferralDirection;
  readonly downward: boolean;
  readonly upward: boolean;
}

/**
 * Every row with its direction derived from the registry (`institutionsByCode`: the registry's
 * institutions by org_code), the 分级诊疗 flags, and the data-quality findings: pairs whose
 * claim (ZZLX) disagrees with the levels, with the number of referrals concerned.
 */
export function classifyReferrals(
  rows: readonly ReferralCount[],
  institutionsByCode: ReadonlyMap<string, InstitutionRecord>,
): ReferralClassification {
  const lookup = (org: string | null): InstitutionRecord | undefined =>
    org === null ? undefined : institutionsByCode.get(org);
  // A province's year repeats each (sender, receiver) pair over keys and months: classified once.
  const pairs = new Map<string, PairClass>();
  const classOf = (senderOrg: string | null, receiverOrg: string | null): PairClass => {
    const key = `${senderOrg ?? ''}\u0000${receiverOrg ?? ''}`;
    let found = pairs.get(key);
    if (!found) {
      const sender = lookup(senderOrg);
      const receiver = lookup(receiverOrg);
      found = {
        direction: directionOf(sender, receiver),
        downward: isRegionDownward(sender, receiver),
        upward: isRegionUpward(sender, receiver),
      };
      pairs.set(key, found);
    }
    return found;
  };
  const classified: ClassifiedReferralCount[] = new Array<ClassifiedReferralCount>(rows.length);
  const mismatchByKey = new Map<string, DirectionMismatch>();
  let mismatchedReferrals = 0;
  let unclaimedReferrals = 0;
  let undeterminedReferrals = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const pair = classOf(row.senderOrg, row.receiverOrg);
    const derivedDirection = pair.direction;
    const comparable = derivedDirection !== 'UNKNOWN' && row.claimedDirection !== 'UNKNOWN';
    const claimAgrees = comparable ? derivedDirection === row.claimedDirection : null;
    // Written out member by member (one object shape; a spread is several times slower).
    classified[i] = {
      senderOrg: row.senderOrg,
      receiverOrg: row.receiverOrg,
      claimedDirection: row.claimedDirection,
      diseaseGroup: row.diseaseGroup,
      month: row.month,
      referrals: row.referrals,
      derivedDirection,
      regionDownward: pair.downward,
      regionUpward: pair.upward,
      claimAgrees,
    };
    if (row.claimedDirection === 'UNKNOWN') unclaimedReferrals += row.referrals;
    if (derivedDirection === 'UNKNOWN') undeterminedReferrals += row.referrals;
    if (claimAgrees === false) {
      mismatchedReferrals += row.referrals;
      const key = `${row.senderOrg ?? ''}\u0000${row.receiverOrg ?? ''}\u0000${row.claimedDirection}`;
      const found = mismatchByKey.get(key);
      mismatchByKey.set(key, {
        senderOrg: row.senderOrg,
        receiverOrg: row.receiverOrg,
        claimedDirection: row.claimedDirection,
        derivedDirection,
        referrals: (found?.referrals ?? 0) + row.referrals,
      });
    }
  }
  const mismatches = [...mismatchByKey.values()].sort(
    (a, b) =>
      b.referrals - a.referrals ||
      compareText(a.senderOrg, b.senderOrg) ||
      compareText(a.receiverOrg, b.receiverOrg) ||
      compareText(a.claimedDirection, b.claimedDirection),
  );
  return { rows: classified, mismatches, mismatchedReferrals, unclaimedReferrals, undeterminedReferrals };
}

/** Code order (not locale order); null first. */
function compareText(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
