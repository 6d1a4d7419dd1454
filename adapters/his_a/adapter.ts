import type { HisAdapter, VisitCountQuery, VisitCounts } from '../his/visits';
import { toNumber } from '../sql/dialect';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import type { SqlSource } from '../sql/source';
import type { GhsjFormat } from './contract';

interface VisitRow {
  org_code: string;
  ym: string;
  visits: number | string;
  er: number | string | null;
  tcm: number | string | null;
}

const detected = new WeakMap<SqlSource, GhsjFormat>();

/**
 * `MZ_GHXX.GHSJ` is CHAR(14) `yyyyMMddHHmmss`, or CHAR(19) `yyyy-MM-dd HH:mm:ss` in upgraded
 * installations. Taken from the source's `options.ghsjFormat`, else detected once from one row.
 */
async function ghsjFormat(source: SqlSource): Promise<GhsjFormat> {
  const configured = source.config.options.ghsjFormat;
  if (configured === 'CHAR14' || configured === 'CHAR19') return configured;
  const known = detected.get(source);
  if (known) return known;
  const rows = await source.query<{ t: string }>(
    "SELECT GHSJ AS t FROM MZ_GHXX WHERE GHSJ IS NOT NULL AND GHSJ <> '' LIMIT 1",
  );
  const format: GhsjFormat = rows[0] && String(rows[0].t).includes('-') ? 'CHAR19' : 'CHAR14';
  detected.set(source, format);
  return format;
}

/** Vendor A (pinyin schema). 退号标志 THBZ: only '0' is a visit; 挂号类别 GHLB '3' is 急诊. */
export const hisAAdapter: HisAdapter = {
  async countVisits(source: SqlSource, query: VisitCountQuery): Promise<VisitCounts[]> {
    if (query.months.length === 0 || (query.orgCodes && query.orgCodes.length === 0)) return [];
    const format = await ghsjFormat(source);
    const bucket = monthBucket('GHSJ', format, source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('GHSJ', format, query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<VisitRow>(
      `SELECT JGDM AS org_code, ${bucket} AS ym, COUNT(*) AS visits,
              SUM(CASE WHEN GHLB = '3' THEN 1 ELSE 0 END) AS er,
              SUM(CASE WHEN ZYBZ = '1' THEN 1 ELSE 0 END) AS tcm
         FROM MZ_GHXX
        WHERE THBZ = '0' AND (${timeWhere})${orgWhere}
        GROUP BY JGDM, ${bucket}`,
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
