import { blankToNull, codeCase, groupKeys } from '../sql/builders';
import { keyOrNull, toCount } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import { bucketKey, queryMonthly } from '../sql/time';
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
    const org = query.by === 'PROVIDER' ? 'provider_org' : 'requester_org';
    const columns = { time: 'requested_at', format: 'DATETIME', org } as const;
    const finished = 'finished_at IS NOT NULL AND finished_at >= requested_at';
    const seconds = source.dialect.secondsBetween('requested_at', 'finished_at');
    const rows = await queryMonthly<SessionRow>(
      source,
      query,
      columns,
      ({ bucket, scope }) => {
        const keys = groupKeys([
          ['requester', blankToNull('requester_org')],
          ['provider', blankToNull('provider_org')],
          ['network', blankToNull('network_id')],
          ['svc', codeCase('UPPER(TRIM(service))', SERVICE_CODES, 'OTHER')],
          ['ym', bucket],
        ]);
        return `SELECT ${keys.select}, COUNT(*) AS n,
                       SUM(CASE WHEN ${finished} THEN 1 ELSE 0 END) AS finished,
                       SUM(CASE WHEN ${finished} THEN ${seconds} ELSE 0 END) AS secs
                  FROM tm_session
                 WHERE status = ? AND ${scope}
                 GROUP BY ${keys.groupBy}`;
      },
      [STATUS_DONE],
    );
    return rows.map((r) => ({
      requesterOrg: keyOrNull(r.k_requester),
      providerOrg: keyOrNull(r.k_provider),
      networkId: keyOrNull(r.k_network),
      service: r.k_svc as TelemedService,
      month: bucketKey(r.k_ym),
      sessions: toCount(r.n),
      finishedSessions: toCount(r.finished),
      turnaroundSeconds: toCount(r.secs),
    }));
  },
};
