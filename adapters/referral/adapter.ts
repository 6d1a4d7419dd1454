import { blankToNull, codeCase, groupKeys } from '../lis/sql';
import { toNumber } from '../sql/dialect';
import type { SqlSource } from '../sql/source';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import { diseaseGroupCase, ZT_ACCEPTED, ZT_STATUSES, ZZLX_DIRECTIONS } from './codes';
import type {
  DiseaseGroup,
  ReferralCount,
  ReferralDirection,
  ReferralQuery,
  ReferralStatus,
  ReferralStatusCount,
} from './model';

interface CountRow {
  k_sender: string | null;
  k_receiver: string | null;
  k_claimed: string;
  k_dgroup: string;
  k_ym: string | number;
  n: number | string;
}

interface StatusRow {
  k_sender: string | null;
  k_st: string;
  k_ym: string | number;
  n: number | string;
}

function orgColumn(query: ReferralQuery): string {
  return query.by === 'RECEIVER' ? 'ZRJG' : 'ZCJG';
}

function nothingAsked(query: ReferralQuery): boolean {
  return query.months.length === 0 || (!!query.orgCodes && query.orgCodes.length === 0);
}

/**
 * The regional two-way referral platform (`ZZ_ZZSQ`, pinyin schema). A referral counts in the
 * month of SQSJ (申请时间) when ZT = '1' (已接收). ZZLX is only the sender's claim: the direction of
 * record is derived from the registry by `classifyReferrals` (direction.ts).
 */
export const referralAdapter = {
  /**
   * Accepted referrals per (sender, receiver, claimed direction, disease group, month): one
   * statement, whatever the number of institutions or months.
   */
  async countAccepted(source: SqlSource, query: ReferralQuery): Promise<ReferralCount[]> {
    if (nothingAsked(query)) return [];
    const keys = groupKeys([
      ['sender', blankToNull('ZCJG')],
      ['receiver', blankToNull('ZRJG')],
      ['claimed', codeCase('ZZLX', ZZLX_DIRECTIONS, 'UNKNOWN')],
      ['dgroup', diseaseGroupCase('JBDM')],
      ['ym', monthBucket('SQSJ', 'DATETIME', source.dialect)],
    ]);
    const params: unknown[] = [ZT_ACCEPTED];
    const timeWhere = monthsPredicate('SQSJ', 'DATETIME', query.months, params);
    const orgWhere = inList(orgColumn(query), query.orgCodes ?? null, params);
    const rows = await source.query<CountRow>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM ZZ_ZZSQ
        WHERE ZT = ? AND (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return rows.map((r) => ({
      senderOrg: r.k_sender === null ? null : String(r.k_sender),
      receiverOrg: r.k_receiver === null ? null : String(r.k_receiver),
      claimedDirection: r.k_claimed as ReferralDirection,
      diseaseGroup: r.k_dgroup as DiseaseGroup,
      month: monthKey(r.k_ym),
      referrals: toNumber(r.n) ?? 0,
    }));
  },

  /**
   * Applications per (sender, status, month), every status: the share still pending, rejected or
   * cancelled is a data-quality signal of the platform. One statement.
   */
  async countByStatus(source: SqlSource, query: ReferralQuery): Promise<ReferralStatusCount[]> {
    if (nothingAsked(query)) return [];
    const keys = groupKeys([
      ['sender', blankToNull('ZCJG')],
      ['st', codeCase('ZT', ZT_STATUSES, 'UNKNOWN')],
      ['ym', monthBucket('SQSJ', 'DATETIME', source.dialect)],
    ]);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('SQSJ', 'DATETIME', query.months, params);
    const orgWhere = inList(orgColumn(query), query.orgCodes ?? null, params);
    const rows = await source.query<StatusRow>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM ZZ_ZZSQ
        WHERE (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return rows.map((r) => ({
      senderOrg: r.k_sender === null ? null : String(r.k_sender),
      status: r.k_st as ReferralStatus,
      month: monthKey(r.k_ym),
      referrals: toNumber(r.n) ?? 0,
    }));
  },
};
