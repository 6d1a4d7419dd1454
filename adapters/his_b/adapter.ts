import { monthRanges } from '../../schema/period';
import type { HisAdapter, VisitCountQuery, VisitCounts } from '../his/visits';
import { dateTimeLiteral, placeholders, toNumber } from '../sql/dialect';
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
    const ranges = monthRanges(query.months);
    if (ranges.length === 0 || (query.orgCodes && query.orgCodes.length === 0)) return [];
    const bucket = source.dialect.yearMonth('visit_at');
    const params: string[] = [];
    const timeWhere = ranges
      .map(([from, to]) => {
        params.push(dateTimeLiteral(from), dateTimeLiteral(to));
        return '(visit_at >= ? AND visit_at < ?)';
      })
      .join(' OR ');
    let orgWhere = '';
    if (query.orgCodes) {
      orgWhere = ` AND org_code IN (${placeholders(query.orgCodes.length)})`;
      params.push(...query.orgCodes);
    }
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
      month: String(r.ym),
      visits: toNumber(r.visits) ?? 0,
      emergencyVisits: toNumber(r.er) ?? 0,
      tcmVisits: toNumber(r.tcm) ?? 0,
    }));
  },
};
