import { blankToNull, codeCase, groupKeys, secondsBetween } from '../lis/sql';
import { toNumber } from '../sql/dialect';
import type { SqlSource } from '../sql/source';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import { SERVICE_CODES, STATUS_DONE } from './codes';
import type { TelemedQuery, TelemedService, TelemedSessionCount } from './model';

interface SessionRow {
  k_requester: string | null;
  k_provider: string | null;
  k_network: string | null;
  k_svc: string;
  k_ym: string | number;
  n: number | string;
  finished: number | string | null;
  secs: number | string | null;
}

/** The telemedicine platform (`tm_session`). Only status DONE counts, in the month of requested_at. */
export const telemedAdapter = {
  /**
   * DONE sessions per (requester, provider, network, service, month), with the finished count and
   * the summed turnaround (finished_at − requested_at; a finished_at before requested_at is a
   * clock error and left out of the turnaround). One statement.
   */
  async countSessions(source: SqlSource, query: TelemedQuery): Promise<TelemedSessionCount[]> {
    if (query.months.length === 0 || (query.orgCodes && query.orgCodes.length === 0)) return [];
    const keys = groupKeys([
      ['requester', blankToNull('requester_org')],
      ['provider', blankToNull('provider_org')],
      ['network', blankToNull('network_id')],
      ['svc', codeCase('UPPER(TRIM(service))', SERVICE_CODES, 'OTHER')],
      ['ym', monthBucket('requested_at', 'DATETIME', source.dialect)],
    ]);
    const finished = 'finished_at IS NOT NULL AND finished_at >= requested_at';
    const seconds = secondsBetween(source.dialect.name, 'requested_at', 'finished_at');
    const params: unknown[] = [STATUS_DONE];
    const timeWhere = monthsPredicate('requested_at', 'DATETIME', query.months, params);
    const orgColumn = query.by === 'PROVIDER' ? 'provider_org' : 'requester_org';
    const orgWhere = inList(orgColumn, query.orgCodes ?? null, params);
    const rows = await source.query<SessionRow>(
      `SELECT ${keys.select}, COUNT(*) AS n,
              SUM(CASE WHEN ${finished} THEN 1 ELSE 0 END) AS finished,
              SUM(CASE WHEN ${finished} THEN ${seconds} ELSE 0 END) AS secs
         FROM tm_session
        WHERE status = ? AND (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return rows.map((r) => ({
      requesterOrg: r.k_requester === null ? null : String(r.k_requester),
      providerOrg: r.k_provider === null ? null : String(r.k_provider),
      networkId: r.k_network === null ? null : String(r.k_network),
      service: r.k_svc as TelemedService,
      month: monthKey(r.k_ym),
      sessions: toNumber(r.n) ?? 0,
      finishedSessions: toNumber(r.finished) ?? 0,
      turnaroundSeconds: toNumber(r.secs) ?? 0,
    }));
  },
};
