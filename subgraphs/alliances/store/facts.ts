import { referralAdapter, telemedAdapter } from '../../../adapters';
import type { ReferralCount } from '../../../adapters/referral/model';
import type { TelemedSessionCount } from '../../../adapters/telemed/model';
import { defineStoredFact } from '../../common/store/spec';
import type { FactRow, StoredFactSpec } from '../../common/store/spec';

/** The store's institution column cannot be NULL: an empty institution is kept as ''. */
const orgOf = (org: string | null): string => org ?? '';
const orgOrNull = (org: string): string | null => (org === '' ? null : org);
const text = (row: FactRow, k: string): string | null =>
  row[k] === null || row[k] === undefined ? null : String(row[k]);

/**
 * Accepted referrals (双向转诊, ZT 已接收) per day, kept by sender: receiver, claimed direction and
 * disease group are keys. Every field sums over days; verification compares the referrals per day.
 */
export const REFERRALS_FACT: StoredFactSpec = defineStoredFact({
  name: 'referrals',
  grain: 'DAY',
  fields: ['referrals'],
  checkFields: ['referrals'],
  // The measures but those of a disease group (byDisease) use these: a province's year is 52,903
  // rows, 18,357 projected.
  projection: ['receiverOrg', 'claimedDirection'],
  kinds: ['referral'],
  fetch: async (source, query) =>
    (await referralAdapter.countAccepted(source, { ...query, by: 'SENDER' })).map(
      ({ senderOrg, ...rest }): FactRow => ({ ...rest, orgCode: orgOf(senderOrg) }),
    ),
});

export function referralOf(row: FactRow): ReferralCount {
  return {
    senderOrg: orgOrNull(row.orgCode),
    receiverOrg: text(row, 'receiverOrg'),
    claimedDirection: text(row, 'claimedDirection') as ReferralCount['claimedDirection'],
    diseaseGroup: text(row, 'diseaseGroup') as ReferralCount['diseaseGroup'],
    month: row.month,
    referrals: Number(row.referrals ?? 0),
  };
}

/**
 * Telemedicine sessions that took place (status DONE) per day, kept by requester: provider,
 * network and service are keys; sessions, finished sessions and summed turnaround sum over days.
 */
export const TELEMED_FACT: StoredFactSpec = defineStoredFact({
  name: 'telemedSessions',
  grain: 'DAY',
  fields: ['sessions', 'finishedSessions', 'turnaroundSeconds'],
  checkFields: ['sessions', 'finishedSessions', 'turnaroundSeconds'],
  // The measures (flow and registry-fact ones) use the two parties only; the telemedicine
  // summaries break sessions down by network and service. A province's year is 10,650 rows,
  // 2,631 projected.
  projection: ['providerOrg'],
  kinds: ['telemed'],
  fetch: async (source, query) =>
    (await telemedAdapter.countSessions(source, { ...query, by: 'REQUESTER' })).map(
      ({ requesterOrg, ...rest }): FactRow => ({ ...rest, orgCode: orgOf(requesterOrg) }),
    ),
});

export function sessionOf(row: FactRow): TelemedSessionCount {
  return {
    requesterOrg: orgOrNull(row.orgCode),
    providerOrg: text(row, 'providerOrg'),
    networkId: text(row, 'networkId'),
    service: text(row, 'service') as TelemedSessionCount['service'],
    month: row.month,
    sessions: Number(row.sessions ?? 0),
    finishedSessions: Number(row.finishedSessions ?? 0),
    turnaroundSeconds: Number(row.turnaroundSeconds ?? 0),
  };
}

/** The alliances subgraph's stored facts (the regional flow platforms). */
export const ALLIANCES_STORED_FACTS: readonly StoredFactSpec[] = [REFERRALS_FACT, TELEMED_FACT];
