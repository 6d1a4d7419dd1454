import type { AdmissionRoute, DischargeKind, PayerClass, SurgeryGrade, TransferKind } from '../his/inpatient';

/**
 * Vendor B's code sets (legacy-systems.md §3) → canonical meanings. Every function trims and
 * ignores case; empty string and NULL mean unknown.
 */

function code(raw: unknown): string {
  return raw === null || raw === undefined ? '' : String(raw).trim().toUpperCase();
}

/**
 * `disposition`: the canonical values by name (HOME, TRANSFER_HOSPITAL, TRANSFER_PRIMARY,
 * AGAINST_ADVICE, DIED, OTHER); NULL, empty or unknown → OTHER.
 */
export function dischargeKindOfDisposition(raw: unknown): DischargeKind {
  const c = code(raw);
  switch (c) {
    case 'HOME':
    case 'TRANSFER_HOSPITAL':
    case 'TRANSFER_PRIMARY':
    case 'AGAINST_ADVICE':
    case 'DIED':
      return c;
    default:
      return 'OTHER';
  }
}

/** The `disposition` values that are transfers with a receiving institution (`dest_org_code`). */
export const TRANSFER_DISPOSITIONS: readonly TransferKind[] = ['TRANSFER_HOSPITAL', 'TRANSFER_PRIMARY'];

/** `admission_source`: 'ER' → EMERGENCY, 'OPD' → OUTPATIENT, 'TRANSFER_IN', 'OTHER' and unknown → OTHER. */
export function admissionRouteOfSource(raw: unknown): AdmissionRoute {
  switch (code(raw)) {
    case 'ER':
      return 'EMERGENCY';
    case 'OPD':
      return 'OUTPATIENT';
    case 'TRANSFER_IN':
      return 'TRANSFER_IN';
    default:
      return 'OTHER';
  }
}

/**
 * `payer`: 'UEBMI' 职工医保 → EMPLOYEE, 'URRBMI' 城乡居民医保 → RESIDENT, 'SELF' → SELF_PAY,
 * 'COMMERCIAL' → COMMERCIAL, 'OTHER' and unknown → OTHER.
 */
export function payerOf(raw: unknown): PayerClass {
  switch (code(raw)) {
    case 'UEBMI':
      return 'EMPLOYEE';
    case 'URRBMI':
      return 'RESIDENT';
    case 'SELF':
      return 'SELF_PAY';
    case 'COMMERCIAL':
      return 'COMMERCIAL';
    default:
      return 'OTHER';
  }
}

/** `surgery.grade` TINYINT 1..4; NULL (not a surgery) or anything else → null. */
export function gradeOf(raw: unknown): SurgeryGrade | null {
  const n = raw === null || raw === undefined || raw === '' ? NaN : Number(raw);
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}

/** A TINYINT flag (`critical`, `day_case`, `elective`, `tcm`): 1 is true; 0, NULL and unknown are false. */
export function isFlagSet(raw: unknown): boolean {
  return raw !== null && raw !== undefined && raw !== '' && Number(raw) === 1;
}
