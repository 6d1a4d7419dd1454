import type { HisAdapter } from '../his/adapter';
import {
  admissionCountsOf,
  bedDaysOf,
  dayCaseDiagnosesOf,
  diagnosisDischargesOf,
  diagnosisVisitsOf,
  dischargeCountsOf,
  procedureCountsOf,
  surgeryCountsOf,
  transfersOf,
  visitCountsOf,
} from '../his/rows';
import type {
  AdmissionRow,
  BedRow,
  DayCaseRow,
  DischargeRow,
  GroupRow,
  SurgeryRow,
  TransferRow,
  VisitRow,
} from '../his/rows';
import type { Num } from '../sql/rows';
import {
  codeGroupCase,
  diagnosisGroups,
  icdCategory,
  perCodeGroup,
  procedureGroups,
  stayDaysExpr,
} from '../his/sql';
import { queryMonthly } from '../sql/time';
import type { MonthlyColumns } from '../sql/time';
import {
  admissionRouteOfSource,
  dischargeKindOfDisposition,
  gradeOf,
  isFlagSet,
  payerOf,
  TRANSFER_DISPOSITIONS,
} from './codes';

/** Month and institution columns; a surgery's institution is its episode's. */
const VISITED: MonthlyColumns = { time: 'visit_at', format: 'DATETIME', org: 'org_code' };
const DISCHARGED: MonthlyColumns = { time: 'discharged_at', format: 'DATETIME', org: 'org_code' };
const PERFORMED: MonthlyColumns = { time: 's.performed_at', format: 'DATETIME', org: 'e.org_code' };
const CENSUS: MonthlyColumns = { time: 'census_date', format: 'DATE', org: 'org_code' };
const ADMITTED: MonthlyColumns = { time: 'admitted_at', format: 'DATETIME', org: 'org_code' };

/** An episode's codes of a discharge. */
interface DischargeCodes {
  disposition: string | null;
  admission_source: string | null;
  payer: string | null;
  critical: Num;
}

/** A surgery's codes. */
interface SurgeryCodes {
  grade: Num;
  day_case: Num;
  elective: Num;
}

/**
 * Vendor B (English schema). Only status 'DONE' is a visit (not NO_SHOW, not CANCELLED); 'ER' is 急诊.
 * Inpatient facts: `inpatient_episode` (one row per admission; a discharge is `discharged_at` in
 * the period, NULL while in hospital), `surgery` (joined to its episode for the institution) and
 * the daily `bed_census`.
 */
export const hisBAdapter: HisAdapter = {
  async countVisits(source, query) {
    const rows = await queryMonthly<VisitRow>(
      source,
      query,
      VISITED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, COUNT(*) AS visits,
                SUM(CASE WHEN visit_kind = 'ER' THEN 1 ELSE 0 END) AS er,
                SUM(CASE WHEN tcm = 1 THEN 1 ELSE 0 END) AS tcm,
                SUM(fee_total) AS fee
           FROM outpatient_visit
          WHERE status = 'DONE' AND ${scope}
          GROUP BY ${groupBy}`,
    );
    return visitCountsOf(rows);
  },

  /** 出院人次: episodes whose discharged_at falls in the months; stay days from the two dates. */
  async countDischarges(source, query) {
    const stay = stayDaysExpr(source.dialect, 'admitted_at', 'discharged_at');
    const rows = await queryMonthly<DischargeRow & DischargeCodes>(
      source,
      query,
      DISCHARGED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, disposition, admission_source, payer, critical,
                COUNT(*) AS n, SUM(${stay}) AS stay, SUM(rescue_count) AS rescues, SUM(fee_total) AS fee
           FROM inpatient_episode
          WHERE discharged_at IS NOT NULL AND ${scope}
          GROUP BY ${groupBy}, disposition, admission_source, payer, critical`,
    );
    return dischargeCountsOf(rows, (r) => ({
      dischargeKind: dischargeKindOfDisposition(r.disposition),
      admissionRoute: admissionRouteOfSource(r.admission_source),
      payer: payerOf(r.payer),
      critical: isFlagSet(r.critical),
    }));
  },

  /** Surgeries by the month of performed_at; the institution is the episode's org_code. */
  async countSurgeries(source, query) {
    const rows = await queryMonthly<SurgeryRow & SurgeryCodes>(
      source,
      query,
      PERFORMED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, s.grade AS grade, s.day_case AS day_case,
                s.elective AS elective, COUNT(*) AS n
           FROM surgery s
           JOIN inpatient_episode e ON e.episode_id = s.episode_id
          WHERE ${scope}
          GROUP BY ${groupBy}, s.grade, s.day_case, s.elective`,
    );
    return surgeryCountsOf(rows, (r) => ({
      grade: gradeOf(r.grade),
      dayCase: isFlagSet(r.day_case),
      elective: isFlagSet(r.elective),
    }));
  },

  /** bed_census: open_beds summed is 开放床日, occupied_beds summed is 占用床日. */
  async bedDays(source, query) {
    const rows = await queryMonthly<BedRow>(
      source,
      query,
      CENSUS,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, SUM(open_beds) AS open_days, SUM(occupied_beds) AS occupied_days,
                COUNT(*) AS days
           FROM bed_census
          WHERE ${scope}
          GROUP BY ${groupBy}`,
    );
    return bedDaysOf(rows);
  },

  /** Discharges (as countDischarges) by the group of principal_dx. */
  async countDischargesByDiagnosis(source, query) {
    const groups = diagnosisGroups(query.groups);
    if (groups.length === 0) return [];
    const rows = await queryMonthly<GroupRow>(source, query, DISCHARGED, ({ bucket, org, scope }) =>
      perCodeGroup(
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${codeGroupCase('principal_dx', groups)} AS grp
           FROM inpatient_episode
          WHERE discharged_at IS NOT NULL AND ${scope}`,
        'COUNT(*) AS n',
      ),
    );
    return diagnosisDischargesOf(rows);
  },

  /** Surgeries by proc_code group and the month of performed_at; cases are distinct episodes. */
  async countProcedures(source, query) {
    const groups = procedureGroups(query.groups);
    if (groups.length === 0) return [];
    const rows = await queryMonthly<GroupRow>(source, query, PERFORMED, ({ bucket, org, scope }) =>
      perCodeGroup(
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${codeGroupCase('s.proc_code', groups)} AS grp,
                s.episode_id AS episode_id
           FROM surgery s
           JOIN inpatient_episode e ON e.episode_id = s.episode_id
          WHERE ${scope}`,
        'COUNT(*) AS n, COUNT(DISTINCT episode_id) AS cases',
      ),
    );
    return procedureCountsOf(rows);
  },

  /** 首诊: visits that happened (status 'DONE') whose dx_code falls in a group; 'ER' is 急诊. */
  async countVisitsByDiagnosis(source, query) {
    const groups = diagnosisGroups(query.groups);
    if (groups.length === 0) return [];
    const rows = await queryMonthly<GroupRow>(source, query, VISITED, ({ bucket, org, scope }) =>
      perCodeGroup(
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${codeGroupCase('dx_code', groups)} AS grp,
                CASE WHEN visit_kind = 'ER' THEN 1 ELSE 0 END AS er
           FROM outpatient_visit
          WHERE status = 'DONE' AND ${scope}`,
        'COUNT(*) AS n, SUM(er) AS er',
      ),
    );
    return diagnosisVisitsOf(rows);
  },

  /** Discharged episodes with disposition TRANSFER_HOSPITAL / TRANSFER_PRIMARY, per dest_org_code. */
  async dischargeTransfers(source, query) {
    const kinds = TRANSFER_DISPOSITIONS.map((k) => `'${k}'`).join(', ');
    const rows = await queryMonthly<TransferRow & { disposition: string }>(
      source,
      query,
      DISCHARGED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, disposition, dest_org_code AS code, COUNT(*) AS n
           FROM inpatient_episode
          WHERE discharged_at IS NOT NULL AND disposition IN (${kinds}) AND ${scope}
          GROUP BY ${groupBy}, disposition, dest_org_code`,
    );
    // Vendor B keeps no receiver names.
    return transfersOf(rows, (r) => dischargeKindOfDisposition(r.disposition));
  },

  /** 住院患者人次数: episodes by the month of admitted_at (in hospital or discharged). */
  async countAdmissions(source, query) {
    const rows = await queryMonthly<AdmissionRow>(
      source,
      query,
      ADMITTED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, COUNT(*) AS n
           FROM inpatient_episode
          WHERE ${scope}
          GROUP BY ${groupBy}`,
    );
    return admissionCountsOf(rows);
  },

  /** Surgeries with day_case = 1 by performed_at month and the ICD-10 category of the episode's principal_dx. */
  async dayCaseDiagnoses(source, query) {
    const cat = icdCategory('e.principal_dx');
    const rows = await queryMonthly<DayCaseRow>(
      source,
      query,
      PERFORMED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${cat} AS cat, COUNT(*) AS n
           FROM surgery s
           JOIN inpatient_episode e ON e.episode_id = s.episode_id
          WHERE s.day_case = 1 AND ${scope}
          GROUP BY ${groupBy}, ${cat}`,
    );
    return dayCaseDiagnosesOf(rows);
  },
};
