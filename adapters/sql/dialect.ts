/** The two SQL engines a source may run on: MySQL/MariaDB (real legacy systems) or SQLite (embedded demo). */
export type DialectName = 'mysql' | 'sqlite';

/**
 * Everything adapters write differently for MySQL/MariaDB and SQLite. Adapters call these methods
 * (`source.dialect.secondsBetween(a, b)`) and never branch on `name`. All of them build expressions
 * for SELECT / GROUP BY lists, never a function of a column inside WHERE.
 */
export interface Dialect {
  readonly name: DialectName;
  /** `yyyyMM` text of a DATETIME/DATE column, for GROUP BY (never used in WHERE). */
  yearMonth(column: string): string;
  /** `yyyyMMdd` of a DATE/DATETIME column. */
  yearMonthDay(column: string): string;
  /** Quote an identifier. */
  quote(identifier: string): string;
  /**
   * Whole seconds from `from` to `to` (two DATETIME expressions). MySQL/MariaDB:
   * `TIMESTAMPDIFF(SECOND, from, to)`; SQLite stores DATETIME as `yyyy-MM-dd HH:mm:ss` text:
   * `(julianday(to) − julianday(from)) × 86400`, rounded to the second. NULL when either side is NULL.
   */
  secondsBetween(from: string, to: string): string;
  /**
   * Whole calendar days from the date of `from` to the date of `to` (DATE or DATETIME expressions;
   * a time of day is ignored): `to − from`. NULL when either side is NULL or not a date.
   */
  daysBetween(from: string, to: string): string;
  /** The larger of two values (MySQL `GREATEST`, SQLite's two-argument `MAX`); NULL when either is NULL. */
  greatest(a: string, b: string): string;
  /** String concatenation (`||` is OR in MySQL's default mode). */
  concat(...parts: string[]): string;
  /**
   * An aggregate: the distinct non-NULL values of `column` in the group, sorted, joined by ','
   * (NULL when there are none): the same text for the same set on either dialect.
   */
  distinctList(column: string): string;
}

export const mysqlDialect: Dialect = {
  name: 'mysql',
  yearMonth: (column) => `DATE_FORMAT(${column}, '%Y%m')`,
  yearMonthDay: (column) => `DATE_FORMAT(${column}, '%Y%m%d')`,
  quote: (identifier) => `\`${identifier.replace(/`/g, '``')}\``,
  secondsBetween: (from, to) => `TIMESTAMPDIFF(SECOND, ${from}, ${to})`,
  daysBetween: (from, to) => `DATEDIFF(${to}, ${from})`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  concat: (...parts) => `CONCAT(${parts.join(', ')})`,
  distinctList: (column) => `GROUP_CONCAT(DISTINCT ${column} ORDER BY ${column} SEPARATOR ',')`,
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  yearMonth: (column) => `strftime('%Y%m', ${column})`,
  yearMonthDay: (column) => `strftime('%Y%m%d', ${column})`,
  quote: (identifier) => `"${identifier.replace(/"/g, '""')}"`,
  secondsBetween: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER)`,
  daysBetween: (from, to) => `CAST(julianday(date(${to})) - julianday(date(${from})) AS INTEGER)`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  concat: (...parts) => `(${parts.join(' || ')})`,
  distinctList: (column) => `group_concat(DISTINCT ${column} ORDER BY ${column})`,
};

export function dialectOf(name: DialectName): Dialect {
  return name === 'mysql' ? mysqlDialect : sqliteDialect;
}

/** `secondsBetween` of the dialect called `name`. */
export function secondsBetween(name: DialectName, from: string, to: string): string {
  return dialectOf(name).secondsBetween(from, to);
}

/** `?, ?, ?` for n parameters. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Drivers return COUNT/SUM as number, bigint or decimal string; NULL stays null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}
