import type { Period } from '../../schema/period';
import { periodEnd, periodLastDay, periodStart } from '../../schema/period';
import type { DialectName } from '../sql/dialect';
import { timeLiteral } from '../sql/time';

/**
 * SQL pieces for the registry's DATE columns, the same on MySQL/MariaDB and SQLite.
 *
 * Unknown dates: NULL, and in legacy data also '' (SQLite text) or the zero date '0000-00-00'
 * (MySQL). All of them sort before `KNOWN_FROM`, so `col >= KNOWN_FROM` means "a known date" and
 * `col < KNOWN_FROM` "unknown", without wrapping the column in a function.
 */
export const KNOWN_FROM = '1901-01-01';

/** Whole days from `earlier` to `later` (both DATE expressions): `later − earlier`. */
export function dayDiff(dialect: DialectName, later: string, earlier: string): string {
  return dialect === 'mysql'
    ? `DATEDIFF(${later}, ${earlier})`
    : `CAST(julianday(${later}) - julianday(${earlier}) AS INTEGER)`;
}

/** The column holds a known date. */
export function knownDate(column: string): string {
  return `${column} >= '${KNOWN_FROM}'`;
}

/** An end date that is unknown (open) or after `ref`: the state still holds on day `ref`. */
export function openOrAfter(column: string, ref: string): string {
  return `(${column} IS NULL OR ${column} < '${KNOWN_FROM}' OR ${column} > ${ref})`;
}

/** An end date that is unknown (open) or on/after `ref`: the interval reaches day `ref`. */
export function openOrFrom(column: string, ref: string): string {
  return `(${column} IS NULL OR ${column} < '${KNOWN_FROM}' OR ${column} >= ${ref})`;
}

/** The end date, or `cap` when it is unknown or later than `cap`. */
export function cappedEnd(column: string, cap: string): string {
  return `CASE WHEN ${column} IS NULL OR ${column} < '${KNOWN_FROM}' OR ${column} > ${cap} THEN ${cap} ELSE ${column} END`;
}

/** The start date, or `floor` when it is earlier. */
export function flooredStart(column: string, floor: string): string {
  return `CASE WHEN ${column} < ${floor} THEN ${floor} ELSE ${column} END`;
}

/** The periods, each once (a period asked twice would double its rows). */
export function distinctPeriods(periods: readonly Period[]): Period[] {
  const seen = new Map<string, Period>();
  for (const p of periods) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

/**
 * Derived table of time points, one row per period: `pid` (period id) and `t` (its last day as a
 * DATE literal). Pushes the parameters.
 */
export function pointsTable(periods: readonly Period[], params: unknown[]): string {
  return periods
    .map((p, i) => {
      params.push(p.id, timeLiteral(periodLastDay(p), 'DATE'));
      return i === 0 ? 'SELECT ? AS pid, ? AS t' : 'SELECT ?, ?';
    })
    .join(' UNION ALL ');
}

/**
 * Derived table of periods: `pid`, `ps` (first day), `pl` (last day) and `pe` (the day after),
 * as DATE literals. Pushes the parameters.
 */
export function periodsTable(periods: readonly Period[], params: unknown[]): string {
  return periods
    .map((p, i) => {
      params.push(
        p.id,
        timeLiteral(periodStart(p), 'DATE'),
        timeLiteral(periodLastDay(p), 'DATE'),
        timeLiteral(periodEnd(p), 'DATE'),
      );
      return i === 0 ? 'SELECT ? AS pid, ? AS ps, ? AS pl, ? AS pe' : 'SELECT ?, ?, ?, ?';
    })
    .join(' UNION ALL ');
}

/** The earliest first day and the latest last day of the periods, as DATE literals. */
export function periodsSpan(periods: readonly Period[]): { first: string; last: string } {
  const starts = periods.map(periodStart).sort();
  const lasts = periods.map(periodLastDay).sort();
  return { first: timeLiteral(starts[0], 'DATE'), last: timeLiteral(lasts[lasts.length - 1], 'DATE') };
}

/** `(a IN (…) OR b IN (…))` for a list of institutions (pushes the parameters), or nothing for null. */
export function eitherIn(a: string, b: string, values: readonly string[] | null, params: unknown[]): string {
  if (values === null) return '';
  const list = values.map(() => '?').join(', ');
  params.push(...values, ...values);
  return ` AND (${a} IN (${list}) OR ${b} IN (${list}))`;
}
