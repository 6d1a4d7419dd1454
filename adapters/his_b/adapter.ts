import type {
  BedDays,
  DiagnosisGroupDischarges,
  DiagnosisGroupId,
  DiagnosisGroupQuery,
  DiagnosisGroupVisits,
  DischargeCounts,
  DischargeTransfers,
  InpatientQuery,
  ProcedureGroupCounts,
  ProcedureGroupId,
  ProcedureGroupQuery,
  SurgeryCounts,
} from '../his/inpatient';
import { mergeRows, roundFen, textOrNull } from '../his/rows';
import { codeGroupCase, diagnosisGroups, emptyQuery, procedureGroups, stayDaysExpr } from '../his/sql';
import type { HisAdapter, VisitCountQuery, VisitCounts } from '../his/visits';
import { toNumber } from '../sql/dialect';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import type { SqlSource } from '../sql/source';
import {
  admissionRouteOfSource,
  dischargeKindOfDisposition,
  gradeOf,
  isFlagSet,
  payerOf,
  TRANSFER_DISPOSITIONS,
} from './codes';

interface VisitRow {
  org_code: string;
  ym: string | number;
  visits: number | string;
  er: number | string | null;
  tcm: number | string | null;
}

type Num = number | string | null;

interface DischargeRow {
  org_code: string;
  ym: string | number;
  disposition: string | null;
  admission_source: string | null;
  payer: string | null;
  critical: Num;
  n: Num;
  stay: Num;
  rescues: Num;
  fee: Num;
}

interface SurgeryRow {
  org_code: string;
  ym: string | number;
  grade: Num;
  day_case: Num;
  elective: Num;
  n: Num;
}

interface BedRow {
  org_code: string;
  ym: string | number;
  open_days: Num;
  occupied_days: Num;
  days: Num;
}

interface GroupRow {
  org_code: string;
  ym: string | number;
  grp: string;
  n: Num;
  cases?: Num;
  er?: Num;
}

interface TransferRow {
  org_code: string;
  ym: string | number;
  disposition: string;
  code: string | null;
  n: Num;
}

const count = (v: Num | undefined): number => toNumber(v) ?? 0;

/**
 * Vendor B (English schema). Only status 'DONE' is a visit (not NO_SHOW, not CANCELLED); 'ER' is 急诊.
 * Inpatient facts: `inpatient_episode` (one row per admission; a discharge is `discharged_at` in
 * the period, NULL while in hospital), `surgery` (joined to its episode for the institution) and
 * the daily `bed_census`.
 */
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
  /** 出院人次: episodes whose discharged_at falls in the months; stay days from the two dates. */
  async countDischarges(source: SqlSource, query: InpatientQuery): Promise<DischargeCounts[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('discharged_at', 'DATETIME', source.dialect);
    const stay = stayDaysExpr(source.dialect.name, 'admitted_at', 'discharged_at');
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('discharged_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<DischargeRow>(
      `SELECT org_code, ${bucket} AS ym, disposition, admission_source, payer, critical,
              COUNT(*) AS n, SUM(${stay}) AS stay, SUM(rescue_count) AS rescues, SUM(fee_total) AS fee
         FROM inpatient_episode
        WHERE discharged_at IS NOT NULL AND (${timeWhere})${orgWhere}
        GROUP BY org_code, ${bucket}, disposition, admission_source, payer, critical`,
      params,
    );
    const canonical: DischargeCounts[] = rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      dischargeKind: dischargeKindOfDisposition(r.disposition),
      admissionRoute: admissionRouteOfSource(r.admission_source),
      payer: payerOf(r.payer),
      critical: isFlagSet(r.critical),
      discharges: count(r.n),
      stayDays: count(r.stay),
      rescues: count(r.rescues),
      feeTotal: count(r.fee),
    }));
    return mergeRows(
      canonical,
      (r) => [r.orgCode, r.month, r.dischargeKind, r.admissionRoute, r.payer, r.critical].join('|'),
      ['discharges', 'stayDays', 'rescues', 'feeTotal'],
    ).map((r) => ({ ...r, feeTotal: roundFen(r.feeTotal) }));
  },

  /** Surgeries by the month of performed_at; the institution is the episode's org_code. */
  async countSurgeries(source: SqlSource, query: InpatientQuery): Promise<SurgeryCounts[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('s.performed_at', 'DATETIME', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('s.performed_at', 'DATETIME', query.months, params);
    const orgWhere = inList('e.org_code', query.orgCodes, params);
    const rows = await source.query<SurgeryRow>(
      `SELECT e.org_code AS org_code, ${bucket} AS ym, s.grade AS grade, s.day_case AS day_case,
              s.elective AS elective, COUNT(*) AS n
         FROM surgery s
         JOIN inpatient_episode e ON e.episode_id = s.episode_id
        WHERE (${timeWhere})${orgWhere}
        GROUP BY e.org_code, ${bucket}, s.grade, s.day_case, s.elective`,
      params,
    );
    return mergeRows(
      rows.map((r): SurgeryCounts => ({
        orgCode: String(r.org_code).trim(),
        month: monthKey(r.ym),
        grade: gradeOf(r.grade),
        dayCase: isFlagSet(r.day_case),
        elective: isFlagSet(r.elective),
        count: count(r.n),
      })),
      (r) => [r.orgCode, r.month, r.grade, r.dayCase, r.elective].join('|'),
      ['count'],
    );
  },

  /** bed_census: open_beds summed is 开放床日, occupied_beds summed is 占用床日. */
  async bedDays(source: SqlSource, query: InpatientQuery): Promise<BedDays[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('census_date', 'DATE', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('census_date', 'DATE', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<BedRow>(
      `SELECT org_code, ${bucket} AS ym, SUM(open_beds) AS open_days, SUM(occupied_beds) AS occupied_days,
              COUNT(*) AS days
         FROM bed_census
        WHERE (${timeWhere})${orgWhere}
        GROUP BY org_code, ${bucket}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      openBedDays: count(r.open_days),
      occupiedBedDays: count(r.occupied_days),
      daysReported: count(r.days),
    }));
  },

  /** Discharges (as countDischarges) by the group of principal_dx. */
  async countDischargesByDiagnosis(
    source: SqlSource,
    query: DiagnosisGroupQuery,
  ): Promise<DiagnosisGroupDischarges[]> {
    const groups = diagnosisGroups(query.groups);
    if (emptyQuery(query) || groups.length === 0) return [];
    const bucket = monthBucket('discharged_at', 'DATETIME', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('discharged_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<GroupRow>(
      `SELECT org_code, ym, grp, COUNT(*) AS n
         FROM (SELECT org_code, ${bucket} AS ym, ${codeGroupCase('principal_dx', groups)} AS grp
                 FROM inpatient_episode
                WHERE discharged_at IS NOT NULL AND (${timeWhere})${orgWhere}) t
        WHERE grp IS NOT NULL
        GROUP BY org_code, ym, grp`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      group: r.grp as DiagnosisGroupId,
      discharges: count(r.n),
    }));
  },

  /** Surgeries by proc_code group and the month of performed_at; cases are distinct episodes. */
  async countProcedures(source: SqlSource, query: ProcedureGroupQuery): Promise<ProcedureGroupCounts[]> {
    const groups = procedureGroups(query.groups);
    if (emptyQuery(query) || groups.length === 0) return [];
    const bucket = monthBucket('s.performed_at', 'DATETIME', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('s.performed_at', 'DATETIME', query.months, params);
    const orgWhere = inList('e.org_code', query.orgCodes, params);
    const rows = await source.query<GroupRow>(
      `SELECT org_code, ym, grp, COUNT(*) AS n, COUNT(DISTINCT episode_id) AS cases
         FROM (SELECT e.org_code AS org_code, ${bucket} AS ym, ${codeGroupCase('s.proc_code', groups)} AS grp,
                      s.episode_id AS episode_id
                 FROM surgery s
                 JOIN inpatient_episode e ON e.episode_id = s.episode_id
                WHERE (${timeWhere})${orgWhere}) t
        WHERE grp IS NOT NULL
        GROUP BY org_code, ym, grp`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      group: r.grp as ProcedureGroupId,
      procedures: count(r.n),
      cases: count(r.cases),
    }));
  },

  /** 首诊: visits that happened (status 'DONE') whose dx_code falls in a group; 'ER' is 急诊. */
  async countVisitsByDiagnosis(
    source: SqlSource,
    query: DiagnosisGroupQuery,
  ): Promise<DiagnosisGroupVisits[]> {
    const groups = diagnosisGroups(query.groups);
    if (emptyQuery(query) || groups.length === 0) return [];
    const bucket = monthBucket('visit_at', 'DATETIME', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('visit_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<GroupRow>(
      `SELECT org_code, ym, grp, COUNT(*) AS n, SUM(er) AS er
         FROM (SELECT org_code, ${bucket} AS ym, ${codeGroupCase('dx_code', groups)} AS grp,
                      CASE WHEN visit_kind = 'ER' THEN 1 ELSE 0 END AS er
                 FROM outpatient_visit
                WHERE status = 'DONE' AND (${timeWhere})${orgWhere}) t
        WHERE grp IS NOT NULL
        GROUP BY org_code, ym, grp`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      group: r.grp as DiagnosisGroupId,
      visits: count(r.n),
      emergencyVisits: count(r.er),
    }));
  },

  /** Discharged episodes with disposition TRANSFER_HOSPITAL / TRANSFER_PRIMARY, per dest_org_code. */
  async dischargeTransfers(source: SqlSource, query: InpatientQuery): Promise<DischargeTransfers[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('discharged_at', 'DATETIME', source.dialect);
    const kinds = TRANSFER_DISPOSITIONS.map((k) => `'${k}'`).join(', ');
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('discharged_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<TransferRow>(
      `SELECT org_code, ${bucket} AS ym, disposition, dest_org_code AS code, COUNT(*) AS n
         FROM inpatient_episode
        WHERE discharged_at IS NOT NULL AND disposition IN (${kinds}) AND (${timeWhere})${orgWhere}
        GROUP BY org_code, ${bucket}, disposition, dest_org_code`,
      params,
    );
    return mergeRows(
      rows.map((r): DischargeTransfers => ({
        orgCode: String(r.org_code).trim(),
        month: monthKey(r.ym),
        kind:
          dischargeKindOfDisposition(r.disposition) === 'TRANSFER_PRIMARY'
            ? 'TRANSFER_PRIMARY'
            : 'TRANSFER_HOSPITAL',
        receiverCode: textOrNull(r.code),
        receiverName: null,
        count: count(r.n),
      })),
      (r) => JSON.stringify([r.orgCode, r.month, r.kind, r.receiverCode]),
      ['count'],
    );
  },
};
