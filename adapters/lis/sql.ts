import type { DialectName } from '../sql/dialect';

/**
 * Small SQL builders the lis, referral and telemed adapters share. They belong with
 * `adapters/sql/dialect.ts`; they live here until that file takes them over.
 */

/**
 * Whole seconds from `from` to `to` (two DATETIME expressions), for SELECT lists only (never in
 * WHERE). MySQL/MariaDB: `TIMESTAMPDIFF(SECOND, from, to)`; SQLite stores DATETIME as
 * `yyyy-MM-dd HH:mm:ss` text: `(julianday(to) − julianday(from)) × 86400`, rounded to the second.
 * NULL when either side is NULL.
 */
export function secondsBetween(dialect: DialectName, from: string, to: string): string {
  return dialect === 'mysql'
    ? `TIMESTAMPDIFF(SECOND, ${from}, ${to})`
    : `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER)`;
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
