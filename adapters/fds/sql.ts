import type { Dialect } from '../sql/dialect';

/**
 * SQL pieces of the fds adapter alone (the generic ones are in `adapters/sql/`).
 */

/**
 * True when the comma-separated `people_flags` column holds `code`:
 * `(',' || REPLACE(col, ' ', '') || ',') LIKE '%,04,%'` (SQLite) or the same with CONCAT (MySQL,
 * where `||` is OR). Blanks around the commas are ignored; NULL and '' match nothing. `code` is a
 * two-digit code from our own table, inlined (never user input).
 */
export function peopleFlagMatch(dialect: Dialect, column: string, code: string): string {
  if (!/^[0-9]{2}$/.test(code)) throw new Error(`bad people_flags code ${code}`);
  return `${dialect.concat("','", `REPLACE(${column}, ' ', '')`, "','")} LIKE '%,${code},%'`;
}

/**
 * The family-doctor system's dates are known from 1900-01-01 on (the registry's `KNOWN_FROM` is a
 * year later): a date before it (NULL, '' in SQLite, a zero date '0000-00-00' in old MySQL) is unknown.
 */
export const FDS_KNOWN_FROM = '1900-01-01';
