import type { DiseaseGroup, ReferralDirection, ReferralStatus } from './model';

/** 转诊类型 ZZLX → the platform's claimed direction. */
export const ZZLX_DIRECTIONS: Readonly<Record<string, ReferralDirection>> = {
  '1': 'UP',
  '2': 'DOWN',
  '3': 'LATERAL',
};

/** 状态 ZT → canonical status. Only ACCEPTED ('1') counts as a referral. */
export const ZT_STATUSES: Readonly<Record<string, ReferralStatus>> = {
  '0': 'PENDING',
  '1': 'ACCEPTED',
  '2': 'REJECTED',
  '3': 'CANCELLED',
};

/** The ZT value of an accepted referral. */
export const ZT_ACCEPTED = '1';

/**
 * Disease groups as inclusive ranges of ICD-10 three-character categories (the first three
 * characters of JBDM, upper-cased). The ranges do not overlap; a code in none is OTHER.
 */
export const DISEASE_GROUP_RANGES: ReadonlyArray<{
  readonly group: Exclude<DiseaseGroup, 'OTHER'>;
  readonly from: string;
  readonly to: string;
}> = [
  { group: 'CEREBROVASCULAR', from: 'I60', to: 'I69' },
  { group: 'HYPERTENSION', from: 'I10', to: 'I15' },
  { group: 'DIABETES', from: 'E10', to: 'E14' },
  { group: 'COPD', from: 'J44', to: 'J44' },
  { group: 'NEOPLASM', from: 'C00', to: 'D48' },
];

export function claimedDirectionOf(zzlx: string | null | undefined): ReferralDirection {
  return ZZLX_DIRECTIONS[(zzlx ?? '').trim()] ?? 'UNKNOWN';
}

export function referralStatusOf(zt: string | null | undefined): ReferralStatus {
  return ZT_STATUSES[(zt ?? '').trim()] ?? 'UNKNOWN';
}

/** The disease group of an ICD-10 code (the same rule as the adapter's CASE expression). */
export function diseaseGroupOf(icd10: string | null | undefined): DiseaseGroup {
  const category = (icd10 ?? '').trim().toUpperCase().slice(0, 3);
  if (!category) return 'OTHER';
  const hit = DISEASE_GROUP_RANGES.find((r) => category >= r.from && category <= r.to);
  return hit ? hit.group : 'OTHER';
}

/**
 * `CASE WHEN SUBSTR(UPPER(TRIM(col)), 1, 3) BETWEEN 'I60' AND 'I69' THEN 'CEREBROVASCULAR' …
 * ELSE 'OTHER' END`, built from `DISEASE_GROUP_RANGES` (text ranges; runs on MySQL and SQLite).
 */
export function diseaseGroupCase(column: string): string {
  const category = `SUBSTR(UPPER(TRIM(${column})), 1, 3)`;
  const whens = DISEASE_GROUP_RANGES.map((r) => {
    for (const v of [r.from, r.to]) if (!/^[A-Z][0-9]{2}$/.test(v)) throw new Error(`bad ICD-10 bound ${v}`);
    return `WHEN ${category} BETWEEN '${r.from}' AND '${r.to}' THEN '${r.group}'`;
  });
  return `CASE ${whens.join(' ')} ELSE 'OTHER' END`;
}
