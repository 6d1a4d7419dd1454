import { evaluate, parseExpression } from '../../../schema/catalog/expression';
import type { BoundRow, FormDefinition, FormPart } from '../../../schema/forms';
import { previousYear } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { ScopeKind } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { compare } from './evaluate';
import type { Evaluation } from './evaluate';
import { evaluateForScope } from './resolve';

/**
 * 合理性审核 threshold: a value more than 50 % away from the same period of the previous year is
 * a warning to explain (seed 004 三 2.(2): 合理性审核 is 核实性, the value may stand with a note).
 */
export const REASONABLE_CHANGE = 0.5;

export interface AuditFindingData {
  readonly audit: 'LOGIC' | 'REASONABLENESS';
  readonly severity: 'ERROR' | 'WARNING';
  readonly code: string;
  readonly rowKeys: readonly string[];
  readonly indicators: readonly string[];
  readonly messageZh: string;
  readonly messageEn: string;
  readonly left: number | null;
  readonly right: number | null;
}

export interface FormRowEvaluation {
  readonly row: BoundRow;
  readonly current: Evaluation | null;
  readonly previous: Evaluation | null;
}

export interface FormEvaluation {
  readonly form: FormDefinition;
  readonly part: FormPart;
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  readonly period: Period;
  readonly comparedWith: Period;
  readonly rows: readonly FormRowEvaluation[];
  readonly logic: readonly AuditFindingData[];
  readonly reasonableness: readonly AuditFindingData[];
}

/**
 * Fill one part of a form for one scope and period: every row's indicator for the period and for
 * the same period a year earlier — all asked of the measure loader before anything is awaited, so
 * the whole form is one batched call per owning subgraph — then the two audits the national
 * platform runs: 表内表间审核 (logic: rule violations, must be fixed) and 合理性审核 (warnings).
 */
export async function evaluateForm(
  ctx: IndicatorsContext,
  form: FormDefinition,
  rows: readonly BoundRow[],
  part: FormPart,
  scopeKind: ScopeKind,
  scopeCode: string,
  period: Period,
): Promise<FormEvaluation> {
  const partRows = rows.filter((r) => r.part === part.code);
  const definitions = [
    ...new Map(
      partRows.flatMap((r) => (r.indicator ? [[r.indicator.code, r.indicator] as const] : [])),
    ).values(),
  ];
  const earlier = previousYear(period);
  const [current, previous] = await Promise.all([
    evaluateForScope(ctx, scopeKind, scopeCode, period, definitions),
    evaluateForScope(ctx, scopeKind, scopeCode, earlier, definitions),
  ]);
  const now = new Map(current.map((e) => [e.definition.code, e]));
  const before = new Map(previous.map((e) => [e.definition.code, e]));
  const rowsOf = (code: string): string[] =>
    partRows.filter((r) => r.indicator?.code === code).map((r) => r.key);

  return {
    form,
    part,
    scopeKind,
    scopeCode,
    period,
    comparedWith: earlier,
    rows: partRows.map((row) => ({
      row,
      current: row.indicator ? (now.get(row.indicator.code) ?? null) : null,
      previous: row.indicator ? (before.get(row.indicator.code) ?? null) : null,
    })),
    logic: [...ruleFindings(current, rowsOf), ...formAuditFindings(form, now, rowsOf)],
    reasonableness: reasonablenessFindings(current, before, rowsOf),
  };
}

/** Catalog rules (the 注 lines of part 二) that failed on the live data. */
function ruleFindings(
  evaluations: readonly Evaluation[],
  rowsOf: (code: string) => string[],
): AuditFindingData[] {
  return evaluations.flatMap((e) =>
    e.rules
      .filter((r) => r.passed === false)
      .map((r) => ({
        audit: 'LOGIC' as const,
        severity: 'ERROR' as const,
        code: r.code,
        rowKeys: rowsOf(e.definition.code),
        indicators: [e.definition.code],
        messageZh: `${e.definition.nameZh}：${r.descriptionZh}（${r.left} 对 ${r.right}）`,
        messageEn: `${e.definition.nameEn}: ${r.descriptionEn} (${r.left} against ${r.right})`,
        left: r.left,
        right: r.right,
      })),
  );
}

/** Cross-row checks of the form, over the values of its rows. */
function formAuditFindings(
  form: FormDefinition,
  values: ReadonlyMap<string, Evaluation>,
  rowsOf: (code: string) => string[],
): AuditFindingData[] {
  const current = new Map([...values].map(([code, e]) => [code, e.value]));
  return form.audits.flatMap((a) => {
    const left = parseExpression(a.left);
    const right = parseExpression(a.right);
    const l = evaluate(left, current);
    const r = evaluate(right, current);
    if (l === null || r === null || compare(l, a.comparator, r)) return [];
    const codes = [
      ...new Set([...a.left.matchAll(/[A-Z][A-Z0-9_]*/g), ...a.right.matchAll(/[A-Z][A-Z0-9_]*/g)]),
    ]
      .map((m) => m[0])
      .filter((c) => values.has(c));
    return [
      {
        audit: 'LOGIC' as const,
        severity: 'ERROR' as const,
        code: a.code,
        rowKeys: codes.flatMap(rowsOf),
        indicators: codes,
        messageZh: `${a.descriptionZh}（${l} 对 ${r}）`,
        messageEn: `${a.descriptionEn} (${l} against ${r})`,
        left: l,
        right: r,
      },
    ];
  });
}

/** Quantitative values more than REASONABLE_CHANGE away from the same period a year earlier. */
function reasonablenessFindings(
  current: readonly Evaluation[],
  previous: ReadonlyMap<string, Evaluation>,
  rowsOf: (code: string) => string[],
): AuditFindingData[] {
  return current.flatMap((e) => {
    const before = previous.get(e.definition.code)?.value ?? null;
    if (e.definition.kind !== 'QUANTITATIVE' || e.value === null || before === null || before === 0)
      return [];
    const change = (e.value - before) / Math.abs(before);
    if (Math.abs(change) <= REASONABLE_CHANGE) return [];
    const pct = `${(change * 100).toFixed(1)}%`;
    return [
      {
        audit: 'REASONABLENESS' as const,
        severity: 'WARNING' as const,
        code: 'CHANGE_OVER_50_PERCENT',
        rowKeys: rowsOf(e.definition.code),
        indicators: [e.definition.code],
        messageZh: `${e.definition.nameZh}：较上年同期变化 ${pct}，超过 50%，请核实并填写说明`,
        messageEn: `${e.definition.nameEn}: ${pct} against the same period last year (over 50%); verify and explain`,
        left: e.value,
        right: before,
      },
    ];
  });
}
