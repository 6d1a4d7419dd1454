import type { HisAdapter, VisitCountQuery, VisitCounts } from '../his/visits';
import { toNumber } from '../sql/dialect';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import type { SqlSource } from '../sql/source';

interface VisitRow {
  org_code: string;
  ym: string | number;
  visits: number | string;
  er: number | string | null;
  tcm: number | string | null;
}

/** Vendor B (English schema). Only status 'DONE' is a visit (not NO_SHOW, not CANCELLED); 'ER' is 急诊. */
export const hisBAdapter: HisAdapter = {
  async countVisits(source: SqlSource, query: VisitCountQuery): Promise<VisitCounts[]> {
    if (query.months.length === 0 || (query.orgCodes && query.orgCodes.length === 0)) return [];
    const bucket = monthBucket('visit_at', 'DATETIME', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('visit_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<VisitRow>(
      `SELECT org_code, ${bucket} AS ym, COUNT(*) AS visits,
              SUM(CASE WHEN visit_kind = 'ER' THEN 1 ELSE 0 END) AS er,
              SUM(CASE WHEN tcm = 1 THEN 1 ELSE 0 END) AS tcm
         FROM outpatient_visit
        WHERE status = 'DONE' AND (${timeWhere})${orgWhere}
        GROUP BY org_code, ${bucket}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      visits: toNumber(r.visits) ?? 0,
      emergencyVisits: toNumber(r.er) ?? 0,
      tcmVisits: toNumber(r.tcm) ?? 0,
    }));
  },
};
