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

/** SELECT/GROUP BY expression giving the day of a time column as `yyyyMMdd` (or `yyyy-MM-dd`). */
export function dayBucket(column: string, format: TimeFormat, dialect: Dialect): string {
  switch (format) {
    case 'CHAR14':
    case 'CHAR8':
      return `SUBSTR(${column}, 1, 8)`;
    case 'CHAR19':
      return `SUBSTR(${column}, 1, 10)`;
    case 'DATETIME':
    case 'DATE':
      return dialect.yearMonthDay(column);
  }
}

/** A month bucket value from the database (`201906`, `2019-06`, 201906) → `yyyyMM`. */
export function monthKey(value: unknown): string {
  return String(value).replace('-', '').slice(0, 6);
}

/**
 * A bucket value of either grain → `yyyyMM` (month buckets) or `yyyyMMdd` (day buckets:
 * `20190605`, `2019-06-05`).
 */
export function bucketKey(value: unknown): string {
  const text = String(value).replace(/-/g, '');
  return text.length >= 8 ? text.slice(0, 8) : text.slice(0, 6);
}

/** `col IN (?, ?, …)` for a list (pushes the parameters), or nothing when the list is null. */
export function inList(column: string, values: readonly string[] | null, params: unknown[]): string {
  if (values === null) return '';
  for (const v of values) params.push(v);
  return ` AND ${column} IN (${placeholders(values.length)})`;
}

/** Where a monthly statement finds its month (a time column and its format) and its institution. */
export interface MonthlyColumns {
  readonly time: string;
  readonly format: TimeFormat;
  /** The institution column `orgCodes` filters. */
  readonly org: string;
}

/**
 * How a statement groups time and institutions:
 *   MONTH        per institution and month (the default; rows carry `month` = `yyyyMM`)
 *   DAY          per institution and day (the measure store's fill; `month` = `yyyyMMdd`)
 *   DAY_TOTAL    per day over every institution asked (the measure store's cheap verification:
 *                no GROUP BY institution; rows carry orgCode `*` and `month` = `yyyyMMdd`)
 */
export type Grain = 'MONTH' | 'DAY' | 'DAY_TOTAL';

/** Days `[from, to)` as `yyyyMMdd`. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** The orgCode of DAY_TOTAL rows: every institution of the statement together. */
export const ALL_INSTITUTIONS = '*';

/**
 * A request for facts by month (or by day): `yyyyMM` months and institutions (null or absent:
 * every one). With `days`, the time predicate is that range instead of the months (`months`
 * must still name the months it falls in).
 */
export interface MonthlyQuery {
  readonly months: readonly string[];
  readonly orgCodes?: readonly string[] | null;
  /** Default MONTH. */
  readonly grain?: Grain;
  readonly days?: DayRange;
  /** With `months`: only days on or after this one (`yyyyMMdd`): the live tail after the measure store. */
  readonly since?: string;
}

/** What a monthly statement is written with. */
export interface MonthlyScope {
  /** SELECT expression of the bucket (`monthBucket` or `dayBucket`; normalise with `bucketKey`). */
  readonly bucket: string;
  /** SELECT expression of the institution: its column, or the constant `'*'` for DAY_TOTAL. */
  readonly org: string;
  /**
   * GROUP BY list of the bucket and the institution (further keys follow it): `org, bucket`, or the
   * bucket first for DAY (so a day-range fill does not walk an (institution, time) index), or the
   * bucket alone for DAY_TOTAL.
   */
  readonly groupBy: string;
  /** False for DAY_TOTAL: `org` is the constant `'*'` and must not be grouped by. */
  readonly perInstitution: boolean;
  /** DAY: `groupBy` puts the bucket before the institution. */
  readonly dayFirst: boolean;
  /** WHERE text: the time predicate in parentheses, then ` AND org IN (…)` unless every institution is asked. */
  readonly scope: string;
}

/** The WHERE text and GROUP BY pieces of a query against `columns` (pushes the parameters). */
export function monthlyScope(
  query: MonthlyQuery,
  columns: MonthlyColumns,
  dialect: Dialect,
  params: unknown[],
): MonthlyScope {
  let time: string;
  if (query.days) {
    params.push(timeLiteral(query.days.from, columns.format), timeLiteral(query.days.to, columns.format));
    time = `${columns.time} >= ? AND ${columns.time} < ?`;
  } else {
    time = monthsPredicate(columns.time, columns.format, query.months, params);
    if (query.since) {
      params.push(timeLiteral(query.since, columns.format));
      time = `(${time}) AND ${columns.time} >= ?`;
    }
  }
  const scope = `(${time})${inList(columns.org, query.orgCodes ?? null, params)}`;
  const grain = query.grain ?? 'MONTH';
  const org = columns.org;
  if (grain === 'MONTH') {
    const bucket = monthBucket(columns.time, columns.format, dialect);
    return { bucket, org, groupBy: `${org}, ${bucket}`, perInstitution: true, dayFirst: false, scope };
  }
  const bucket = dayBucket(columns.time, columns.format, dialect);
  return grain === 'DAY'
    ? { bucket, org, groupBy: `${bucket}, ${org}`, perInstitution: true, dayFirst: true, scope }
    : {
        bucket,
        org: `'${ALL_INSTITUTIONS}'`,
        groupBy: bucket,
        perInstitution: false,
        dayFirst: false,
        scope,
      };
}

/**
 * One aggregate statement grouped by month (or day, `query.grain`): nothing (and no statement sent) when nothing can
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
  return source.query<R>(statement(monthlyScope(query, columns, source.dialect, params)), params);
}
