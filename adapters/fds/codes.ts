import type { KeyGroup, PeopleGroup, SignStatus, TeamRole } from './model';

/** people_flags codes → canonical group. */
export const PEOPLE_FLAG_GROUPS: Readonly<Record<string, PeopleGroup>> = {
  '01': 'PREGNANT',
  '02': 'CHILD_0_6',
  '03': 'ELDERLY_60',
  '04': 'HYPERTENSION',
  '05': 'DIABETES_T2',
  '06': 'SEVERE_MENTAL',
  '07': 'TUBERCULOSIS',
  '08': 'DISABLED',
  '09': 'SPECIAL_FAMILY',
  '10': 'GENERAL',
  '11': 'LOW_INCOME',
  '12': 'PRIORITY_CARE',
  '13': 'REGISTERED_POOR',
  '14': 'OTHER',
};

/** The key groups with their people_flags code, in canonical order. */
export const KEY_GROUP_CODES: ReadonlyArray<readonly [KeyGroup, string]> = [
  ['PREGNANT', '01'],
  ['CHILD_0_6', '02'],
  ['ELDERLY_60', '03'],
  ['HYPERTENSION', '04'],
  ['DIABETES_T2', '05'],
  ['SEVERE_MENTAL', '06'],
  ['TUBERCULOSIS', '07'],
  ['DISABLED', '08'],
  ['SPECIAL_FAMILY', '09'],
  ['LOW_INCOME', '11'],
  ['PRIORITY_CARE', '12'],
  ['REGISTERED_POOR', '13'],
];

/** 建档立卡低收入 (the registered poor). */
export const REGISTERED_POOR_CODE = '13';

/** sign_flag values of a contract that was signed (in force until valid_until or its stop_date). */
export const SIGNED_FLAGS: readonly string[] = ['1', '2', '3'];

/** sign_flag '2' 解约: ends the contract on stop_date. */
export const TERMINATED_FLAG = '2';

export const SIGN_STATUSES: Readonly<Record<string, SignStatus>> = {
  '1': 'SIGNED',
  '2': 'TERMINATED',
  '3': 'RENEWED',
  '4': 'PENDING',
};

export const TEAM_ROLES: Readonly<Record<string, TeamRole>> = {
  GP: 'GP',
  SPECIALIST: 'SPECIALIST',
  NURSE: 'NURSE',
  PH: 'PUBLIC_HEALTH',
  OTHER: 'OTHER',
};

/** The groups of a people_flags text ('03,04' → ELDERLY_60, HYPERTENSION); unknown codes are skipped. */
export function peopleGroupsOf(flags: string | null | undefined): PeopleGroup[] {
  const groups: PeopleGroup[] = [];
  for (const code of (flags ?? '').split(',')) {
    const group = PEOPLE_FLAG_GROUPS[code.trim()];
    if (group && !groups.includes(group)) groups.push(group);
  }
  return groups;
}

/** A key-group person (重点人群) carries any code but '10' 一般人群 and '14' 其他. */
export function isKeyGroupPerson(flags: string | null | undefined): boolean {
  return peopleGroupsOf(flags).some((g) => g !== 'GENERAL' && g !== 'OTHER');
}

export function signStatusOf(flag: string | null | undefined): SignStatus {
  return SIGN_STATUSES[(flag ?? '').trim()] ?? 'UNKNOWN';
}

export function teamRoleOf(role: string | null | undefined): TeamRole {
  return TEAM_ROLES[(role ?? '').trim().toUpperCase()] ?? 'UNKNOWN';
}

/** Key-group counts all zero (to be filled). */
export function emptyKeyGroupCounts(): Record<KeyGroup, number> {
  const counts = {} as Record<KeyGroup, number>;
  for (const [group] of KEY_GROUP_CODES) counts[group] = 0;
  return counts;
}
