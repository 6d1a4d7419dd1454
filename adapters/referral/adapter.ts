import { blankToNull, codeCase, groupKeys } from '../sql/builders';
import { keyOrNull, toCount } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import { bucketKey, queryMonthly } from '../sql/time';
import type { MonthlyColumns } from '../sql/time';
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

/** By the month of SQSJ (申请时间), for the sender's (or, `by` RECEIVER, the receiver's) institutions. */
function columnsOf(query: ReferralQuery): MonthlyColumns {
  return { time: 'SQSJ', format: 'DATETIME', org: query.by === 'RECEIVER' ? 'ZRJG' : 'ZCJG' };
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
    const rows = await queryMonthly<CountRow>(
      source,
      query,
      columnsOf(query),
      ({ bucket, scope }) => {
        const keys = groupKeys([
          ['sender', blankToNull('ZCJG')],
          ['receiver', blankToNull('ZRJG')],
          ['claimed', codeCase('ZZLX', ZZLX_DIRECTIONS, 'UNKNOWN')],
          ['dgroup', diseaseGroupCase('JBDM')],
          ['ym', bucket],
        ]);
        return `SELECT ${keys.select}, COUNT(*) AS n
                  FROM ZZ_ZZSQ
                 WHERE ZT = ? AND ${scope}
                 GROUP BY ${keys.groupBy}`;
      },
      [ZT_ACCEPTED],
    );
    return rows.map((r) => ({
      senderOrg: keyOrNull(r.k_sender),
      receiverOrg: keyOrNull(r.k_receiver),
      claimedDirection: r.k_claimed as ReferralDirection,
      diseaseGroup: r.k_dgroup as DiseaseGroup,
      month: bucketKey(r.k_ym),
      referrals: toCount(r.n),
    }));
  },

  /**
   * Applications per (sender, status, month), every status: the share still pending, rejected or
   * cancelled is a data-quality signal of the platform. One statement.
   */
  async countByStatus(source: SqlSource, query: ReferralQuery): Promise<ReferralStatusCount[]> {
    const rows = await queryMonthly<StatusRow>(source, query, columnsOf(query), ({ bucket, scope }) => {
      const keys = groupKeys([
        ['sender', blankToNull('ZCJG')],
        ['st', codeCase('ZT', ZT_STATUSES, 'UNKNOWN')],
        ['ym', bucket],
      ]);
      return `SELECT ${keys.select}, COUNT(*) AS n
                FROM ZZ_ZZSQ
               WHERE ${scope}
               GROUP BY ${keys.groupBy}`;
    });
    return rows.map((r) => ({
      senderOrg: keyOrNull(r.k_sender),
      status: r.k_st as ReferralStatus,
      month: bucketKey(r.k_ym),
      referrals: toCount(r.n),
    }));
  },
};
