import type {
  AssignmentKind,
  GpTraining,
  PractitionerCategory,
  RecruitmentDiscipline,
  TitleLevel,
} from './model';

/**
 * The workforce registry's code sets (legacy-systems.md §9) → canonical meanings. Empty string,
 * NULL and codes outside the contract all mean "unknown" (null).
 */

const CATEGORIES: Readonly<Record<string, PractitionerCategory>> = {
  '1': 'CLINICAL',
  '2': 'DENTAL',
  '3': 'PUBLIC_HEALTH',
  '4': 'TCM',
  '5': 'NURSE',
  '6': 'PHARMACIST',
  '7': 'TECHNICIAN',
  '9': 'OTHER',
};

/** 执业类别 '1'…'9'. */
export function practitionerCategoryOf(raw: string | null | undefined): PractitionerCategory | null {
  return CATEGORIES[(raw ?? '').trim()] ?? null;
}

const TITLES: readonly TitleLevel[] = ['SENIOR', 'INTERMEDIATE', 'JUNIOR', 'NONE'];

export function titleLevelOf(raw: string | null | undefined): TitleLevel | null {
  const t = (raw ?? '').trim().toUpperCase();
  return (TITLES as readonly string[]).includes(t) ? (t as TitleLevel) : null;
}

const TRAININGS: Readonly<Record<string, GpTraining>> = {
  NONE: 'NONE',
  '3+2': 'ASSISTANT_3_2',
  '5+3': 'RESIDENCY_5_3',
  TRANSFER: 'TRANSFER',
};

export function gpTrainingOf(raw: string | null | undefined): GpTraining | null {
  return TRAININGS[(raw ?? '').trim().toUpperCase()] ?? null;
}

/** The contract's GP rule, as vendor codes: categories, the 全科 scope and the qualifying trainings. */
export const GP_RULE = {
  categories: ['1', '4'],
  scope: '21',
  trainings: ['3+2', '5+3', 'TRANSFER'],
} as const;

export function assignmentKindOf(raw: string | null | undefined): AssignmentKind | null {
  const t = (raw ?? '').trim().toUpperCase();
  return t === 'TECH' || t === 'MGMT' ? t : null;
}

const DISCIPLINES: readonly RecruitmentDiscipline[] = [
  'EMERGENCY',
  'PEDIATRICS',
  'ANESTHESIA',
  'ICU',
  'OTHER',
];

export function recruitmentDisciplineOf(raw: string | null | undefined): RecruitmentDiscipline | null {
  const t = (raw ?? '').trim().toUpperCase();
  return (DISCIPLINES as readonly string[]).includes(t) ? (t as RecruitmentDiscipline) : null;
}
