import { periodEnd, periodMonths, periodStart } from '../../schema/period';
import type { Period } from '../../schema/period';
import { textOrNull } from '../registry/codes';
import { nothingAsked } from '../sql/builders';
import { placeholders, toNumber } from '../sql/dialect';
import { distinctPeriods, periodsSpan, valuesTable } from '../sql/periods';
import { toCount } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import { inList, monthsPredicate, timeLiteral } from '../sql/time';
import { diseaseOf, FACE_TO_FACE_SFFS, JBLX_DISEASES, requiredFaceToFaceFollowUps } from './codes';
import type {
  ChronicManagementCounts,
  ChronicManagementQuery,
  TwoWeekSurveyCounts,
  TwoWeekSurveyQuery,
} from './model';

interface ManagementRow {
  pid: string;
  org_code: string | null;
  division_code: string | null;
  jblx: string;
  managed: number | string;
  standardized: number | string | null;
}

interface SurveyRow {
  division_code: string;
  survey_year: number | string;
  responses: number | string;
  visits: number | string | null;
  primary_first_visits: number | string | null;
}

/**
 * `SELECT ? AS pid, ? AS pstart, ? AS pend, ? AS need UNION ALL SELECT ?, ?, ?, ?` — one row per
 * period: its id, first day and end (exclusive) as CHAR(8) `yyyyMMdd`, and the face-to-face
 * follow-ups it needs. Pushes the parameters.
 */
function periodsTable(periods: readonly Period[], params: unknown[]): string {
  return valuesTable(
    ['pid', 'pstart', 'pend', 'need'],
    periods.map((p) => [
      p.id,
      timeLiteral(periodStart(p), 'CHAR8'),
      timeLiteral(periodEnd(p), 'CHAR8'),
      requiredFaceToFaceFollowUps(p),
    ]),
    params,
  );
}

/** Basic public health service system (legacy-systems.md §5): chronic-disease management and the two-week survey. */
export const phsAdapter = {
  /**
   * 纳入管理 and 规范管理 hypertension and type-2 diabetes records per (period, GLJG, XZQH, disease),
   * for every period asked, in one statement: a derived table of the periods joined to the records
   * open in each, left-joined to the face-to-face follow-up count of each record in each period
   * (a grouped subquery over GW_MBSF restricted to the periods' SFRQ ranges).
   * GW_MBSF.JBLX is not used: DAH is the record's key and the record says the disease.
   */
  async chronicManagement(
    source: SqlSource,
    query: ChronicManagementQuery,
  ): Promise<ChronicManagementCounts[]> {
    const periods = distinctPeriods(query.periods);
    const orgCodes = query.orgCodes ?? null;
    const divisionCodes = query.divisionCodes ?? null;
    if (nothingAsked(periods, orgCodes, divisionCodes)) return [];
    const need = new Map(periods.map((p) => [p.id, requiredFaceToFaceFollowUps(p)]));
    const span = periodsSpan(periods, 'CHAR8');
    const diseaseCodes = Object.keys(JBLX_DISEASES);
    const faceToFace = FACE_TO_FACE_SFFS.map((c) => `'${c}'`).join(', ');

    const params: unknown[] = [];
    const outerPeriods = periodsTable(periods, params);
    const innerPeriods = periodsTable(periods, params);
    const sfrqWhere = monthsPredicate('s.SFRQ', 'CHAR8', periods.flatMap(periodMonths), params);
    let scopeOfFollowUps = '';
    if (orgCodes || divisionCodes) {
      // Only the follow-ups of the records asked for (keeps the grouped subquery small).
      const sub = `${inList('r.GLJG', orgCodes, params)}${inList('r.XZQH', divisionCodes, params)}`;
      scopeOfFollowUps = ` AND s.DAH IN (SELECT r.DAH FROM GW_MBDA r WHERE 1 = 1${sub})`;
    }
    params.push(...diseaseCodes, span.end, span.firstDay);
    const scopeWhere = `${inList('d.GLJG', orgCodes, params)}${inList('d.XZQH', divisionCodes, params)}`;

    const rows = await source.query<ManagementRow>(
      `SELECT p.pid AS pid, d.GLJG AS org_code, d.XZQH AS division_code, d.JBLX AS jblx,
              COUNT(*) AS managed,
              SUM(CASE WHEN f.n >= p.need THEN 1 ELSE 0 END) AS standardized
         FROM (${outerPeriods}) p
         JOIN GW_MBDA d
           ON d.JDRQ < p.pend AND (d.JARQ IS NULL OR d.JARQ = '' OR d.JARQ >= p.pstart)
         LEFT JOIN (
              SELECT q.pid AS pid, s.DAH AS dah, COUNT(*) AS n
                FROM (${innerPeriods}) q
                JOIN GW_MBSF s ON s.SFRQ >= q.pstart AND s.SFRQ < q.pend
               WHERE s.SFFS IN (${faceToFace}) AND (${sfrqWhere})${scopeOfFollowUps}
               GROUP BY q.pid, s.DAH
              ) f ON f.pid = p.pid AND f.dah = d.DAH
        WHERE d.JBLX IN (${placeholders(diseaseCodes.length)})
          AND d.JDRQ > '' AND d.JDRQ < ?
          AND (d.JARQ IS NULL OR d.JARQ = '' OR d.JARQ >= ?)${scopeWhere}
        GROUP BY p.pid, d.GLJG, d.XZQH, d.JBLX`,
      params,
    );
    const result: ChronicManagementCounts[] = [];
    for (const r of rows) {
      const disease = diseaseOf(r.jblx);
      const period = String(r.pid);
      if (!disease) continue;
      result.push({
        period,
        orgCode: textOrNull(r.org_code),
        divisionCode: textOrNull(r.division_code),
        disease,
        managed: toCount(r.managed),
        standardizedManaged: toCount(r.standardized),
        requiredFollowUps: need.get(period) ?? 0,
      });
    }
    return result;
  },

  /** 居民2周患病就诊: responses, visits and primary-care-first visits per (division, survey year); one statement. */
  async twoWeekSurvey(source: SqlSource, query: TwoWeekSurveyQuery): Promise<TwoWeekSurveyCounts[]> {
    const years = [...new Set(query.years)];
    const divisionCodes = query.divisionCodes ?? null;
    if (nothingAsked(years, divisionCodes)) return [];
    const params: unknown[] = [...years];
    const divisionWhere = inList('division_code', divisionCodes, params);
    const rows = await source.query<SurveyRow>(
      `SELECT division_code, survey_year, COUNT(*) AS responses,
              SUM(visits) AS visits, SUM(primary_first_visits) AS primary_first_visits
         FROM survey_two_week
        WHERE survey_year IN (${placeholders(years.length)})${divisionWhere}
        GROUP BY division_code, survey_year`,
      params,
    );
    return rows.map((r) => ({
      divisionCode: String(r.division_code).trim(),
      year: toNumber(r.survey_year) ?? 0,
      responses: toCount(r.responses),
      visits: toCount(r.visits),
      primaryFirstVisits: toCount(r.primary_first_visits),
    }));
  },
};
