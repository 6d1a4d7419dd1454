import { monthRanges } from '../../schema/period';
import { nothingAsked } from './builders';
import { placeholders } from './dialect';
import type { Dialect } from './dialect';
import type { SqlSource } from './source';

/**
 * How a legacy column stores time. Every predicate built here compares the column itself with
 * literals of its own format, so the database can use an index on it (never a function of the
 * column in WHERE).
 *   CHAR14   `yyyyMMddHHmmss` text          CHAR8  `yyyyMMdd` text
 *   CHAR19   `yyyy-MM-dd HH:mm:ss` text     DATETIME / DATE  native types (text in SQLite)
 */
export type TimeFormat = 'CHAR14' | 'CHAR19' | 'CHAR8' | 'DATETIME' | 'DATE';

/** `yyyyMMdd` → the literal a column of `format` compares against. */
export function timeLiteral(localDate: string, format: TimeFormat): string {
  const y = localDate.slice(0, 4);
  const m = localDate.slice(4, 6);
  const d = localDate.slice(6, 8);
  switch (format) {
    case 'CHAR14':
      return `${localDate}000000`;
    case 'CHAR8':
      return localDate;
    case 'CHAR19':
    case 'DATETIME':
      return `${y}-${m}-${d} 00:00:00`;
    case 'DATE':
      return `${y}-${m}-${d}`;
  }
}

/**
 * `(col >= ? AND col < ?) OR …` for the months asked (merged into the fewest ranges); pushes
 * the parameters. Returns `1 = 0` when no month is asked.
 */
export function monthsPredicate(
  column: string,
  format: TimeFormat,
  months: Iterable<string>,
  params: unknown[],
): string {
  const ranges = monthRanges(months);
  if (ranges.length === 0) return '1 = 0';
  return ranges
    .map(([from, to]) => {
      params.push(timeLiteral(from, format), timeLiteral(to, format));
      return `(${column} >= ? AND ${column} < ?)`;
    })
    .join(' OR ');
}

/** SELECT/GROUP BY expression giving the month of a time column; normalise with `monthKey`. */
export function monthBucket(column: string, format: TimeFormat, dialect: Dialect): string {
  switch (format) {
    case 'CHAR14':
    case 'CHAR8':
      return `SUBSTR(${column}, 1, 6)`;
    case 'CHAR19':
      return `SUBSTR(${column}, 1, 7)`;
    case 'DATETIME':
    case 'DATE':
      return dialect.yearMonth(column);
  }
}

/** A bucket value from the database (`201906`, `2019-06`, 201906) → `yyyyMM`. */
export function monthKey(value: unknown): string {
  return String(value).replace('-', '').slice(0, 6);
}

/** `col IN (?, ?, …)` for a list (pushes the parameters), or nothing when the list is null. */
export function inList(column: string, values: readonly string[] | null, params: unknown[]): string {
  if (values === null) return '';
  params.push(...values);
  return ` AND ${column} IN (${placeholders(values.length)})`;
}

/** Where a monthly statement finds its month (a time column and its format) and its institution. */
export interface MonthlyColumns {
  readonly time: string;
  readonly format: TimeFormat;
  /** The institution column `orgCodes` filters. */
  readonly org: string;
}

/** A request for monthly facts: `yyyyMM` months and institutions (null or absent: every one). */
export interface MonthlyQuery {
  readonly months: readonly string[];
  readonly orgCodes?: readonly string[] | null;
}

/** What a monthly statement is written with. */
export interface MonthlyScope {
  /** SELECT/GROUP BY expression of the month (`monthBucket`; normalise with `monthKey`). */
  readonly bucket: string;
  /** WHERE text: the months predicate in parentheses, then ` AND org IN (…)` unless every institution is asked. */
  readonly scope: string;
}

/**
 * One aggregate statement grouped by month: nothing (and no statement sent) when nothing can
 * match (no month, or an empty institution list); else the SQL `statement` writes with the month
 * bucket and the WHERE scope of `columns`, run with `leading` (the parameters of `?` written before
 * the scope) and then the scope's parameters.
 */
export async function queryMonthly<R>(
  source: SqlSource,
  query: MonthlyQuery,
  columns: MonthlyColumns,
  statement: (s: MonthlyScope) => string,
  leading: readonly unknown[] = [],
): Promise<R[]> {
  if (nothingAsked(query.months, query.orgCodes)) return [];
  const params = [...leading];
  const months = monthsPredicate(columns.time, columns.format, query.months, params);
  const scope = `(${months})${inList(columns.org, query.orgCodes ?? null, params)}`;
  const bucket = monthBucket(columns.time, columns.format, source.dialect);
  return source.query<R>(statement({ bucket, scope }), params);
}
