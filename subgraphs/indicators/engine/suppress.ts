import type { Evaluation } from './evaluate';

/**
 * Small-count suppression for third-party app callers (小数抑制): a quantitative value whose
 * count — the numerator, or for a ratio the numerator or the denominator — is below `threshold`
 * is not returned: value, components, rule operands and target attainment become null with
 * missing SUPPRESSED, so no small group can be singled out. Qualitative answers are kept.
 */
export function suppressSmallCounts(e: Evaluation, threshold: number): Evaluation {
  if (e.definition.kind !== 'QUANTITATIVE') return e;
  const small = (v: number | null): boolean => v !== null && Math.abs(v) < threshold;
  if (!small(e.numerator) && !small(e.denominator)) return e;
  return {
    ...e,
    value: null,
    numerator: null,
    denominator: null,
    status: 'NOT_COUNTED',
    missing: 'SUPPRESSED',
    components: e.components.map((c) => ({ ...c, value: null })),
    rules: e.rules.map((r) => ({ ...r, left: null, right: null, passed: null })),
    targets: e.targets.map((t) => ({ ...t, met: null })),
    target: e.target ? { ...e.target, met: null } : null,
  };
}
