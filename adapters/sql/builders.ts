import { placeholders } from './dialect';

/**
 * Small SQL builders every adapter may use: code tables as CASE expressions, blank-aware code
 * columns, grouping keys and institution filters. Nothing here depends on the dialect (see
 * `dialect.ts` for what does) or on time (see `time.ts` and `periods.ts`).
 */

/** True when a query can only return nothing: no month/period/year asked, or an empty code list. */
export function nothingAsked(
  asked: readonly unknown[],
  ...codeLists: ReadonlyArray<readonly string[] | null | undefined>
): boolean {
  return asked.length === 0 || codeLists.some((codes) => !!codes && codes.length === 0);
}

const SAFE_LITERAL = /^[A-Za-z0-9_. -]*$/;

/** A constant of the code tables as a SQL string literal (only plain codes are accepted). */
export function literal(value: string): string {
  if (!SAFE_LITERAL.test(value)) throw new Error(`not a plain code: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/**
 * `CASE expr WHEN 'code' THEN 'canonical' … ELSE 'otherwise' END` from a vendor code table, so that
 * the database groups by the canonical value (vendor variants of one meaning fall into one group).
 * The values are constants of the code tables, written inline: no parameter in a GROUP BY expression.
 */
export function codeCase(expr: string, codes: Readonly<Record<string, string>>, otherwise: string): string {
  const whens = Object.entries(codes).map(([code, value]) => `WHEN ${literal(code)} THEN ${literal(value)}`);
  return `CASE ${expr} ${whens.join(' ')} ELSE ${literal(otherwise)} END`;
}

/** '1' / '0' / '' (unknown) inside the database, for a '1'/'0' flag column. */
export function flagCase(column: string): string {
  return `CASE WHEN ${column} = '1' THEN '1' WHEN ${column} = '0' THEN '0' ELSE '' END`;
}

/** A code column with empty string and NULL both as NULL (and surrounding blanks removed). */
export function blankToNull(column: string): string {
  return `NULLIF(TRIM(${column}), '')`;
}

/** A column that is "set": neither NULL nor blank. For CASE/SUM expressions, not for WHERE. */
export function isSet(column: string): string {
  return `(${column} IS NOT NULL AND TRIM(${column}) <> '')`;
}

/**
 * `SELECT` list and `GROUP BY` list for grouping keys: each expression is selected as `k_<alias>`
 * and the statement groups by those aliases. Grouping by alias (MySQL, MariaDB and SQLite all
 * allow it) keeps MariaDB's ONLY_FULL_GROUP_BY content with CASE/NULLIF keys, which it does not
 * match against a repeated expression; the `k_` prefix keeps SQLite from taking an alias that is
 * also a column name for the column.
 */
export function groupKeys(keys: ReadonlyArray<readonly [alias: string, expr: string]>): {
  select: string;
  groupBy: string;
} {
  for (const [alias] of keys) if (!/^[a-z]+$/.test(alias)) throw new Error(`bad key alias ${alias}`);
  return {
    select: keys.map(([alias, expr]) => `${expr} AS k_${alias}`).join(', '),
    groupBy: keys.map(([alias]) => `k_${alias}`).join(', '),
  };
}

/** `(a IN (…) OR b IN (…))` for a list of institutions (pushes the parameters), or nothing for null. */
export function eitherIn(a: string, b: string, values: readonly string[] | null, params: unknown[]): string {
  if (values === null) return '';
  const list = placeholders(values.length);
  for (const list of [values, values]) for (const v of list) params.push(v);
  return ` AND (${a} IN (${list}) OR ${b} IN (${list}))`;
}
