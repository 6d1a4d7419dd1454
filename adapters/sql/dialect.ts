/** The two SQL engines a source may run on: MySQL/MariaDB (real legacy systems) or SQLite (embedded demo). */
export type DialectName = 'mysql' | 'sqlite';

export interface Dialect {
  readonly name: DialectName;
  /** `yyyyMM` text of a DATETIME/DATE column, for GROUP BY (never used in WHERE). */
  yearMonth(column: string): string;
  /** Quote an identifier. */
  quote(identifier: string): string;
}

export const mysqlDialect: Dialect = {
  name: 'mysql',
  yearMonth: (column) => `DATE_FORMAT(${column}, '%Y%m')`,
  quote: (identifier) => `\`${identifier.replace(/`/g, '``')}\``,
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  yearMonth: (column) => `strftime('%Y%m', ${column})`,
  quote: (identifier) => `"${identifier.replace(/"/g, '""')}"`,
};

export function dialectOf(name: DialectName): Dialect {
  return name === 'mysql' ? mysqlDialect : sqliteDialect;
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
