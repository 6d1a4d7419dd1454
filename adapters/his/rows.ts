import { mergeRows, orgMonth, roundFen, toCount, toYuan } from '../sql/rows';
import type { Num } from '../sql/rows';
import type {
  AdmissionCounts,
  BedDays,
  DayCaseDiagnosisCounts,
  DiagnosisGroupDischarges,
  DiagnosisGroupId,
  DiagnosisGroupVisits,
  DischargeCounts,
  DischargeKind,
  DischargeTransfers,
  ProcedureGroupCounts,
  ProcedureGroupId,
  SurgeryCounts,
} from './inpatient';
import type { VisitCounts } from './visits';

/**
 * The grouped rows both HIS vendor adapters select (same aliases whatever the vendor's columns),
 * and the step from them, or from a vendor's mapped rows, to canonical rows. The database groups
 * by the vendor's raw codes (a handful of values per column); once mapped to canonical classes,
 * several raw groups can fall into one canonical group (YLFKFS '1' and '1.1' are both EMPLOYEE):
 * they are summed here.
 */

/** Every statement selects the institution as `org_code` and the month bucket as `ym`. */
export interface OrgMonthRow {
  org_code: string;
  ym: string | number;
}

export interface VisitRow extends OrgMonthRow {
  visits: Num;
  er: Num;
  tcm: Num;
  fee: Num;
}

export interface BedRow extends OrgMonthRow {
  open_days: Num;
  occupied_days: Num;
  days: Num;
}

/** A row of `perCodeGroup` (his/sql.ts). */
export interface GroupRow extends OrgMonthRow {
  grp: string;
  n: Num;
  cases?: Num;
  er?: Num;
}

export function visitCountsOf(rows: readonly VisitRow[]): VisitCounts[] {
  return rows.map((r) => ({
    ...orgMonth(r.org_code, r.ym),
    visits: toCount(r.visits),
    emergencyVisits: toCount(r.er),
    tcmVisits: toCount(r.tcm),
    feeTotal: toYuan(r.fee),
  }));
}

export function bedDaysOf(rows: readonly BedRow[]): BedDays[] {
  return rows.map((r) => ({
    ...orgMonth(r.org_code, r.ym),
    openBedDays: toCount(r.open_days),
    occupiedBedDays: toCount(r.occupied_days),
    daysReported: toCount(r.days),
  }));
}

export function diagnosisDischargesOf(rows: readonly GroupRow[]): DiagnosisGroupDischarges[] {
  return rows.map((r) => ({
    ...orgMonth(r.org_code, r.ym),
    group: r.grp as DiagnosisGroupId,
    discharges: toCount(r.n),
  }));
}

export function procedureCountsOf(rows: readonly GroupRow[]): ProcedureGroupCounts[] {
  return rows.map((r) => ({
    ...orgMonth(r.org_code, r.ym),
    group: r.grp as ProcedureGroupId,
    procedures: toCount(r.n),
    cases: toCount(r.cases),
  }));
}

export function diagnosisVisitsOf(rows: readonly GroupRow[]): DiagnosisGroupVisits[] {
  return rows.map((r) => ({
    ...orgMonth(r.org_code, r.ym),
    group: r.grp as DiagnosisGroupId,
    visits: toCount(r.n),
    emergencyVisits: toCount(r.er),
  }));
}

/**
 * The numbers every discharge statement selects, grouped by the vendor's raw codes: `n` 出院人次,
 * `stay` 住院天数, `rescues` 抢救次数, `fee` 总费用.
 */
export interface DischargeRow extends OrgMonthRow {
  n: Num;
  stay: Num;
  rescues: Num;
  fee: Num;
}

/** The canonical class of a discharge, from the vendor's codes. */
export type DischargeClass = Pick<DischargeCounts, 'dischargeKind' | 'admissionRoute' | 'payer' | 'critical'>;

/** Discharge rows mapped to their class (`classOf`), summed per class; fees rounded to the fen once summed. */
export function dischargeCountsOf<R extends DischargeRow>(
  rows: readonly R[],
  classOf: (row: R) => DischargeClass,
): DischargeCounts[] {
  return mergeRows(
    rows.map((r) => ({
      ...orgMonth(r.org_code, r.ym),
      ...classOf(r),
      discharges: toCount(r.n),
      stayDays: toCount(r.stay),
      rescues: toCount(r.rescues),
      feeTotal: toCount(r.fee),
    })),
    ['orgCode', 'month', 'dischargeKind', 'admissionRoute', 'payer', 'critical'],
    ['discharges', 'stayDays', 'rescues', 'feeTotal'],
  ).map((r) => ({ ...r, feeTotal: roundFen(r.feeTotal) }));
}

/** Procedures (`n`) grouped by the vendor's raw codes. */
export interface SurgeryRow extends OrgMonthRow {
  n: Num;
}

/** The canonical class of a procedure, from the vendor's codes. */
export type SurgeryClass = Pick<SurgeryCounts, 'grade' | 'dayCase' | 'elective'>;

/** Procedure rows mapped to their class (`classOf`), summed per class. */
export function surgeryCountsOf<R extends SurgeryRow>(
  rows: readonly R[],
  classOf: (row: R) => SurgeryClass,
): SurgeryCounts[] {
  return mergeRows(
    rows.map((r) => ({ ...orgMonth(r.org_code, r.ym), ...classOf(r), count: toCount(r.n) })),
    ['orgCode', 'month', 'grade', 'dayCase', 'elective'],
    ['count'],
  );
}

/** Transfer discharges (`n`) grouped by the vendor's discharge code and the receiver `code` as recorded. */
export interface TransferRow extends OrgMonthRow {
  code: string | null;
  n: Num;
}

/**
 * Transfer rows with their canonical kind (from `kindOf`, the vendor's discharge code: 医嘱转社区/
 * 乡镇卫生院 or else 医嘱转院) and receiver as recorded (code, and the name `nameOf` gives, if the
 * vendor keeps one; '' and '-' are null), summed per kind and receiver.
 */
export function transfersOf<R extends TransferRow>(
  rows: readonly R[],
  kindOf: (row: R) => DischargeKind,
  nameOf: (row: R) => unknown = () => null,
): DischargeTransfers[] {
  return mergeRows(
    rows.map((r): DischargeTransfers => ({
      ...orgMonth(r.org_code, r.ym),
      kind: kindOf(r) === 'TRANSFER_PRIMARY' ? 'TRANSFER_PRIMARY' : 'TRANSFER_HOSPITAL',
      receiverCode: textOrNull(r.code),
      receiverName: textOrNull(nameOf(r)),
      count: toCount(r.n),
    })),
    ['orgCode', 'month', 'kind', 'receiverCode', 'receiverName'],
    ['count'],
  );
}

/**
 * Trimmed text, or null for NULL, empty, and the `-` placeholder vendor A writes for "empty"
 * (also typed full-width or doubled: `－`, `--`, `—`).
 */
export function textOrNull(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const t = String(raw).trim();
  return t === '' || /^[-－—]+$/.test(t) ? null : t;
}

/** Admissions (`n`) per institution and month of admission. */
export interface AdmissionRow extends OrgMonthRow {
  n: Num;
}

export function admissionCountsOf(rows: readonly AdmissionRow[]): AdmissionCounts[] {
  return rows.map((r) => ({ ...orgMonth(r.org_code, r.ym), admissions: toCount(r.n) }));
}

/** Day-surgery procedures (`n`) per institution, month and ICD-10 category (`cat`) of the principal diagnosis. */
export interface DayCaseRow extends OrgMonthRow {
  cat: string | null;
  n: Num;
}

export function dayCaseDiagnosesOf(rows: readonly DayCaseRow[]): DayCaseDiagnosisCounts[] {
  return mergeRows(
    rows.map((r): DayCaseDiagnosisCounts => ({
      ...orgMonth(r.org_code, r.ym),
      category: textOrNull(r.cat),
      procedures: toCount(r.n),
    })),
    ['orgCode', 'month', 'category'],
    ['procedures'],
  );
}
