import type { AllianceKind, MechanismItem, PolicyKind, SharedCenterKind, SupportKind } from './model';
import {
  HospitalGrade,
  HospitalLevel,
  InstitutionCategory,
  Ownership,
  RegionLevel,
} from '../../schema/enums';

/**
 * The registry's code sets (legacy-systems.md §1) → canonical meanings.
 */

/**
 * Category codes already normalized: a registry has a few dozen codes, asked about for each of a
 * province's memberships and institutions. Bounded: unexpected texts past it are normalized anew.
 */
const NORMALIZED = new Map<string, string | null>();
const MAX_NORMALIZED = 4096;

/** Old rows may carry the letter O for zero (`B1OO`); empty and NULL mean unknown. */
export function normalizeCategoryCode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const known = NORMALIZED.get(raw);
  if (known !== undefined) return known;
  const text = raw.trim().toUpperCase();
  const code = text ? text.charAt(0) + text.slice(1).replace(/O/g, '0') : null;
  if (NORMALIZED.size < MAX_NORMALIZED) NORMALIZED.set(raw, code);
  return code;
}

export function categoryOf(code: string | null): InstitutionCategory {
  if (!code) return InstitutionCategory.OTHER;
  const n = Number(code.slice(1));
  switch (code.charAt(0)) {
    case 'A':
      if (code === 'A100') return InstitutionCategory.GENERAL_HOSPITAL;
      if (code === 'A210') return InstitutionCategory.TCM_HOSPITAL;
      if (n >= 220 && n <= 229) return InstitutionCategory.TCM_SPECIALTY_HOSPITAL;
      if (code === 'A300') return InstitutionCategory.INTEGRATED_HOSPITAL;
      if (n >= 411 && n <= 419) return InstitutionCategory.ETHNIC_HOSPITAL;
      if (code === 'A520') return InstitutionCategory.PSYCHIATRIC_HOSPITAL;
      if (code === 'A527') return InstitutionCategory.REHABILITATION_HOSPITAL;
      if (n >= 500 && n <= 599) return InstitutionCategory.SPECIALTY_HOSPITAL;
      if (code === 'A600') return InstitutionCategory.SANATORIUM;
      if (code === 'A710') return InstitutionCategory.NURSING_HOME;
      if (code === 'A720') return InstitutionCategory.NURSING_STATION;
      return InstitutionCategory.OTHER;
    case 'B':
      return code === 'B200'
        ? InstitutionCategory.COMMUNITY_HEALTH_STATION
        : InstitutionCategory.COMMUNITY_HEALTH_CENTER;
    case 'C':
      return code === 'C210'
        ? InstitutionCategory.CENTRAL_TOWNSHIP_HEALTH_CENTER
        : InstitutionCategory.TOWNSHIP_HEALTH_CENTER;
    case 'D':
      if (code === 'D600') return InstitutionCategory.VILLAGE_CLINIC;
      if (n >= 110 && n <= 159) return InstitutionCategory.OUTPATIENT_DEPARTMENT;
      return InstitutionCategory.CLINIC;
    case 'E':
      return InstitutionCategory.EMERGENCY_CENTER;
    case 'G':
      return InstitutionCategory.MATERNAL_CHILD_HEALTH;
    case 'P':
      return code === 'P900' ? InstitutionCategory.HOSPICE : InstitutionCategory.OTHER;
    default:
      return InstitutionCategory.OTHER;
  }
}

/** 基层医疗卫生机构: category B*, C* or D* (the contract's canonical definition). */
export function isPrimaryCareCategory(code: string | null): boolean {
  return code !== null && /^[BCD]/.test(code);
}

export function hospitalLevelOf(raw: string | null | undefined): HospitalLevel {
  switch ((raw ?? '').trim()) {
    case '3':
      return HospitalLevel.LEVEL_3;
    case '2':
      return HospitalLevel.LEVEL_2;
    case '1':
      return HospitalLevel.LEVEL_1;
    default:
      return HospitalLevel.UNRATED;
  }
}

export function hospitalGradeOf(raw: string | null | undefined): HospitalGrade {
  switch ((raw ?? '').trim()) {
    case '1':
      return HospitalGrade.GRADE_A;
    case '2':
      return HospitalGrade.GRADE_B;
    case '3':
      return HospitalGrade.GRADE_C;
    default:
      return HospitalGrade.UNRATED;
  }
}

export function ownershipOf(raw: string | null | undefined): Ownership | null {
  switch ((raw ?? '').trim()) {
    case '1':
      return Ownership.GOVERNMENT;
    case '2':
      return Ownership.OTHER_PUBLIC;
    case '3':
      return Ownership.PRIVATE;
    default:
      return null;
  }
}

/** '1' → true, '0' → false, anything else (empty, NULL) → unknown. */
export function flagOf(raw: string | null | undefined): boolean | null {
  const t = (raw ?? '').trim();
  return t === '1' ? true : t === '0' ? false : null;
}

export function regionLevelOf(raw: number | string | null | undefined): RegionLevel | null {
  switch (Number(raw)) {
    case 1:
      return RegionLevel.PROVINCE;
    case 2:
      return RegionLevel.CITY;
    case 3:
      return RegionLevel.COUNTY;
    default:
      return null;
  }
}

/** Empty string and NULL both mean "unknown"; other values (a driver may return numbers) as trimmed text. */
export function textOrNull(raw: unknown): string | null {
  const t = String(raw ?? '').trim();
  return t ? t : null;
}

const ALLIANCE_KINDS: Record<string, AllianceKind> = {
  JT: 'URBAN_GROUP',
  GT: 'COUNTY_COMMUNITY',
  ZK: 'SPECIALTY_ALLIANCE',
  YC: 'TELEMEDICINE_NETWORK',
};

/** alliance.kind 'JT' / 'GT' / 'ZK' / 'YC' → canonical; anything else → null (reported as unknown). */
export function allianceKindOf(raw: string | null | undefined): AllianceKind | null {
  return ALLIANCE_KINDS[(raw ?? '').trim().toUpperCase()] ?? null;
}

/** The registry code of a canonical alliance kind (for filters pushed down to SQL). */
export function allianceKindCode(kind: AllianceKind): string {
  return Object.entries(ALLIANCE_KINDS).find(([, k]) => k === kind)![0];
}

/** alliance_member.role 'L' → LEAD, anything else → MEMBER. */
export function memberRoleOf(raw: string | null | undefined): 'LEAD' | 'MEMBER' {
  return (raw ?? '').trim().toUpperCase() === 'L' ? 'LEAD' : 'MEMBER';
}

/** A value of a closed code set, or null when the text is not one of its codes. */
export function codeOf<T extends string>(raw: string | null | undefined, allowed: readonly T[]): T | null {
  const t = (raw ?? '').trim().toUpperCase();
  return (allowed as readonly string[]).includes(t) ? (t as T) : null;
}

/** The contract's code sets of alliance_mechanism.item, shared_center.kind, support_activity.kind, policy_document.kind. */
export const MECHANISM_ITEMS: readonly MechanismItem[] = [
  'CHARTER',
  'QUALITY_HOMOGENEITY',
  'REFERRAL_STANDARD',
  'PRIORITY_SERVICE',
  'CONTINUITY',
  'EMR_SHARING',
  'PACKAGED_PAYMENT',
  'GLOBAL_BUDGET',
  'PRESCRIPTION_EXTENSION',
  'BENEFIT_SHARING',
  'PERF_PAY',
];
export const CENTER_KINDS: readonly SharedCenterKind[] = [
  'IMAGING',
  'LAB',
  'PATHOLOGY',
  'DIALYSIS',
  'HOSPICE',
  'DISINFECTION',
  'REHAB',
  'NURSING',
  'EYE',
  'CHECKUP',
  'LOGISTICS',
  'ECG',
];
export const SUPPORT_KINDS: readonly SupportKind[] = [
  'NEW_TECH',
  'NEW_PROJECT',
  'SPECIALTY',
  'EQUIPMENT',
  'EXPERT_CLINIC',
  'TEACHING_ROUND',
  'LECTURE',
  'TEACHING_SURGERY',
  'MGMT_OUTPUT',
];
export const POLICY_KINDS: readonly PolicyKind[] = [
  'ALLIANCE_PLAN',
  'GRID_PLAN',
  'INSURANCE_DIFF',
  'BENEFIT_SHARING',
  'TELEMED_PRICING',
  'PERF_PAY',
  'HOME_BED_PRICING',
  'GRADING_IN_GOV_ASSESSMENT',
  'COUNTY_PLAN',
];
