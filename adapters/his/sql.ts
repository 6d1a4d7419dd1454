import type { Dialect } from '../sql/dialect';
import { DIAGNOSIS_GROUPS, PROCEDURE_GROUPS } from './diagnosis';
import type { CodeGroup, CodeMatch } from './diagnosis';
import type { DiagnosisGroupId, ProcedureGroupId } from './inpatient';

/**
 * SQL fragments the HIS vendor adapters share: the 病案首页 stay rule, and the canonical code-group
 * tables (diagnosis.ts) as expressions. Everything here goes into SELECT / GROUP BY lists, never
 * into a WHERE predicate on a column (time and institution predicates stay in `sql/time.ts`).
 */

/**
 * 实际住院天数 from two DATETIME columns: calendar days from the admission date to the discharge
 * date, a same-day stay counting one day (病案首页: 入院日与出院日只计一天; 不足一天按一天).
 * NULL when either time is NULL.
 */
export function stayDaysExpr(dialect: Dialect, admitted: string, discharged: string): string {
  return dialect.greatest(dialect.daysBetween(admitted, discharged), '1');
}

/**
 * `SELECT org_code, ym, grp, <aggregates> FROM (<inner>) t WHERE grp IS NOT NULL GROUP BY …`: the
 * rows of `inner` (which selects `org_code`, `ym` and a `codeGroupCase` as `grp`) counted per
 * institution, month and code group; rows in no group are left out.
 */
export function perCodeGroup(inner: string, aggregates: string): string {
  return `SELECT org_code, ym, grp, ${aggregates}
            FROM (${inner}) t
           WHERE grp IS NOT NULL
           GROUP BY org_code, ym, grp`;
}

/** A code column normalised for matching: trimmed, upper case, without dots. */
export function normalisedCode(column: string): string {
  return `REPLACE(UPPER(TRIM(${column})), '.', '')`;
}

/** A code of the group table, normalised like `normalisedCode`; only [A-Z0-9] may remain. */
export function normaliseCodeLiteral(code: string): string {
  const text = code.trim().toUpperCase().replace(/\./g, '');
  if (!/^[A-Z0-9]+$/.test(text)) throw new Error(`invalid code in a group table: ${JSON.stringify(code)}`);
  return text;
}

function bounds(match: CodeMatch): [string, string] {
  const [from, to] = typeof match === 'string' ? [match, match] : match;
  const lo = normaliseCodeLiteral(from);
  const hi = normaliseCodeLiteral(to);
  if (lo.length !== hi.length || lo > hi) throw new Error(`invalid code range ${from}..${to}`);
  return [lo, hi];
}

/** Whether two entries can match one code (compared on the shorter prefix length). */
function overlap(a: CodeMatch, b: CodeMatch): boolean {
  const [aLo, aHi] = bounds(a);
  const [bLo, bHi] = bounds(b);
  const n = Math.min(aLo.length, bLo.length);
  return aLo.slice(0, n) <= bHi.slice(0, n) && bLo.slice(0, n) <= aHi.slice(0, n);
}

/** The groups asked (all by default), checked to be disjoint so a CASE gives each code one group. */
export function pickGroups<Id extends string>(
  table: ReadonlyArray<CodeGroup<Id>>,
  ids?: readonly Id[],
): ReadonlyArray<CodeGroup<Id>> {
  const picked = ids === undefined ? table : table.filter((g) => ids.includes(g.id));
  for (const id of ids ?? []) {
    if (!table.some((g) => g.id === id)) throw new Error(`unknown code group ${id}`);
  }
  for (let i = 0; i < picked.length; i++) {
    for (let j = i + 1; j < picked.length; j++) {
      if (picked[i].codes.some((a) => picked[j].codes.some((b) => overlap(a, b))))
        throw new Error(`code groups ${picked[i].id} and ${picked[j].id} overlap`);
    }
  }
  return picked;
}

export const diagnosisGroups = (
  ids?: readonly DiagnosisGroupId[],
): ReadonlyArray<CodeGroup<DiagnosisGroupId>> => pickGroups(DIAGNOSIS_GROUPS, ids);

export const procedureGroups = (
  ids?: readonly ProcedureGroupId[],
): ReadonlyArray<CodeGroup<ProcedureGroupId>> => pickGroups(PROCEDURE_GROUPS, ids);

/**
 * `CASE WHEN <code in group 1> THEN 'ID1' … END` over a code column (NULL when no group matches).
 * Literals only (validated codes and ids), so the same text can be repeated in GROUP BY.
 */
export function codeGroupCase<Id extends string>(
  column: string,
  groups: ReadonlyArray<CodeGroup<Id>>,
): string {
  if (groups.length === 0) return 'NULL';
  const code = normalisedCode(column);
  const whens = groups.map((g) => {
    if (!/^[A-Z0-9_]+$/.test(g.id)) throw new Error(`invalid group id ${g.id}`);
    const tests = g.codes.map((m) => {
      const [lo, hi] = bounds(m);
      return lo === hi
        ? `${code} LIKE '${lo}%'`
        : `SUBSTR(${code}, 1, ${lo.length}) BETWEEN '${lo}' AND '${hi}'`;
    });
    return `WHEN ${tests.join(' OR ')} THEN '${g.id}'`;
  });
  return `CASE ${whens.join(' ')} END`;
}

/** The ICD-10 category (类目: first three characters, normalised) of a diagnosis column; '' when empty. */
export function icdCategory(column: string): string {
  return `SUBSTR(${normalisedCode(column)}, 1, 3)`;
}
