/** The ten legacy system kinds of `shared/legacy-systems.md`. */
export const SYSTEM_KINDS = [
  'registry',
  'his_a',
  'his_b',
  'lis',
  'phs',
  'fds',
  'referral',
  'telemed',
  'hrm',
  'ins',
] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/**
 * Kinds whose rows belong to institutions: a source of these kinds lists the institutions it
 * holds, and an institution may be held by only one source of the same family (else double counting).
 */
export const INSTITUTION_FAMILIES: Partial<Record<SystemKind, string>> = {
  his_a: 'his',
  his_b: 'his',
  lis: 'lis',
};

export function isInstitutionHeld(kind: SystemKind): boolean {
  return INSTITUTION_FAMILIES[kind] !== undefined;
}
