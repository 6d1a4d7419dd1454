import { codeCase } from '../sql/builders';
import type { InsuranceType, MedType, PaymentMethod } from './model';

/**
 * The settlement system's code sets (legacy-systems.md §10) → canonical meanings. The same tables
 * build the SQL CASE expressions that group by canonical value inside the database (needed for
 * exact distinct-person counts: two raw codes of one canonical value must be one group).
 */

export const MED_TYPES: Readonly<Record<string, MedType>> = {
  '11': 'OUTPATIENT',
  '13': 'EMERGENCY',
  '14': 'CHRONIC_OUTPATIENT',
  '21': 'INPATIENT',
  '2114': 'DAY_SURGERY',
};

/** med_type codes that are 住院. */
export const INPATIENT_MED_TYPES: readonly string[] = ['21', '2114'];

export const INSURANCE_TYPES: Readonly<Record<string, InsuranceType>> = {
  '310': 'EMPLOYEE',
  '320': 'CIVIL_SERVANT',
  '330': 'LARGE_EXPENSE',
  '340': 'RETIRED_CADRE',
  '380': 'NCMS',
  '390': 'RESIDENT',
  '391': 'URBAN_RESIDENT',
  '392': 'SERIOUS_ILLNESS',
  '399': 'OTHER',
};

export const PAYMENT_METHODS: Readonly<Record<string, PaymentMethod>> = {
  '1': 'ITEM',
  '2': 'SINGLE_DISEASE',
  '3': 'DIP',
  '4': 'DRG',
  '5': 'BED_DAY',
  '6': 'CAPITATION',
  '9': 'OTHER',
};

/** '11' … '2114'; anything else (empty, NULL, codes outside the subset) is unknown. */
export function medTypeOf(raw: string | null | undefined): MedType | null {
  return MED_TYPES[(raw ?? '').trim()] ?? null;
}

export function isInpatient(medType: MedType | null): boolean {
  return medType === 'INPATIENT' || medType === 'DAY_SURGERY';
}

/** Empty and NULL are unknown; a code outside the contract's list is OTHER (the national set is larger). */
export function insuranceTypeOf(raw: string | null | undefined): InsuranceType | null {
  const t = (raw ?? '').trim();
  return t ? (INSURANCE_TYPES[t] ?? 'OTHER') : null;
}

export function paymentMethodOf(raw: string | null | undefined): PaymentMethod | null {
  const t = (raw ?? '').trim();
  return t ? (PAYMENT_METHODS[t] ?? 'OTHER') : null;
}

/**
 * `CASE COALESCE(TRIM(col), '') WHEN 'code' THEN 'CANONICAL' … WHEN '' THEN '' ELSE other END`:
 * the canonical value inside the database ('' = unknown).
 */
export function canonicalCase(
  column: string,
  codes: Readonly<Record<string, string>>,
  other: string,
): string {
  return codeCase(`COALESCE(TRIM(${column}), '')`, { ...codes, '': '' }, other);
}
