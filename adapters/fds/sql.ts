import { periodLastDay } from '../../schema/period';
import type { Period } from '../../schema/period';
import type { DialectName } from '../sql/dialect';
import { timeLiteral } from '../sql/time';

/**
 * SQL pieces of the fds adapter that differ by dialect or repeat across its statements.
 */

/**
 * True when the comma-separated `people_flags` column holds `code`:
 * `(',' || REPLACE(col, ' ', '') || ',') LIKE '%,04,%'` (SQLite) or the same with CONCAT (MySQL,
 * where `||` is OR). Blanks around the commas are ignored; NULL and '' match nothing. `code` is a
 * two-digit code from our own table, inlined (never user input).
 */
export function peopleFlagMatch(dialect: DialectName, column: string, code: string): string {
  if (!/^[0-9]{2}$/.test(code)) throw new Error(`bad people_flags code ${code}`);
  const cleaned = `REPLACE(${column}, ' ', '')`;
  const wrapped = dialect === 'mysql' ? `CONCAT(',', ${cleaned}, ',')` : `(',' || ${cleaned} || ',')`;
  return `${wrapped} LIKE '%,${code},%'`;
}

/** A DATE column holding no real date: NULL, '' (SQLite) or a zero date ('0000-00-00', old MySQL). */
export function unknownDate(column: string): string {
  return `(${column} IS NULL OR ${column} < '1900-01-01')`;
}

/** Periods asked, once each, with their time point (the last day, `yyyyMMdd`). */
export function distinctPeriods(periods: readonly Period[]): Period[] {
  const seen = new Map<string, Period>();
  for (const p of periods) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

/**
 * `SELECT ? AS pid, ? AS t UNION ALL SELECT ?, ?`: one row per period with its time point as a
 * DATE literal (`yyyy-MM-dd`). Pushes the parameters.
 */
export function pointsTable(periods: readonly Period[], params: unknown[]): string {
  return periods
    .map((p, i) => {
      params.push(p.id, timeLiteral(periodLastDay(p), 'DATE'));
      return i === 0 ? 'SELECT ? AS pid, ? AS t' : 'SELECT ?, ?';
    })
    .join(' UNION ALL ');
}

/** The earliest and latest time points of the periods, as DATE literals. */
export function pointBounds(periods: readonly Period[]): [string, string] {
  const points = periods.map(periodLastDay).sort();
  return [timeLiteral(points[0], 'DATE'), timeLiteral(points[points.length - 1], 'DATE')];
}
