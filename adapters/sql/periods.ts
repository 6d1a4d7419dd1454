import { periodEnd, periodLastDay, periodStart } from '../../schema/period';
import type { Period } from '../../schema/period';
import { placeholders } from './dialect';
import { timeLiteral } from './time';
import type { TimeFormat } from './time';

/**
 * SQL pieces for statements that answer several periods at once (a derived table of periods or
 * of time points joined to the facts) and for DATE columns whose value may be unknown. The same
 * on MySQL/MariaDB and SQLite.
 *
 * Unknown dates: NULL, and in legacy data also '' (SQLite text) or the zero date '0000-00-00'
 * (MySQL). All of them sort before `KNOWN_FROM`, so `col >= KNOWN_FROM` means "a known date" and
 * `col < KNOWN_FROM` "unknown", without wrapping the column in a function.
 */
export const KNOWN_FROM = '1901-01-01';

/** The column holds a known date (on or after `from`, a `yyyy-MM-dd` constant). */
export function knownDate(column: string, from: string = KNOWN_FROM): string {
  return `${column} >= '${from}'`;
}

/** The column holds no known date: NULL, '' or a zero date (anything before `from`). */
export function unknownDate(column: string, from: string = KNOWN_FROM): string {
  return `(${column} IS NULL OR ${column} < '${from}')`;
}

/** An end date that is unknown (open) or after `ref`: the state still holds on day `ref`. */
export function openOrAfter(column: string, ref: string): string {
  return `(${unknownDate(column)} OR ${column} > ${ref})`;
}

/** An end date that is unknown (open) or on/after `ref`: the interval reaches day `ref`. */
export function openOrFrom(column: string, ref: string): string {
  return `(${unknownDate(column)} OR ${column} >= ${ref})`;
}

/** The end date, or `cap` when it is unknown or later than `cap`. */
export function cappedEnd(column: string, cap: string): string {
  return `CASE WHEN ${openOrAfter(column, cap)} THEN ${cap} ELSE ${column} END`;
}

/** The start date, or `floor` when it is earlier. */
export function flooredStart(column: string, floor: string): string {
  return `CASE WHEN ${column} < ${floor} THEN ${floor} ELSE ${column} END`;
}

/** The periods, each once, in the order asked (a period asked twice would double its rows). */
export function distinctPeriods(periods: readonly Period[]): Period[] {
  const seen = new Map<string, Period>();
  for (const p of periods) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

/**
 * Derived table of parameter rows: `SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?`. Pushes the
 * parameters, row by row.
 */
export function valuesTable(
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  params: unknown[],
): string {
  for (const c of columns) if (!/^[a-z_]+$/.test(c)) throw new Error(`bad column alias ${c}`);
  return rows
    .map((row, i) => {
      if (row.length !== columns.length)
        throw new Error(`a row of ${row.length} values for ${columns.length} columns`);
      params.push(...row);
      return i === 0
        ? `SELECT ${columns.map((c) => `? AS ${c}`).join(', ')}`
        : `SELECT ${placeholders(row.length)}`;
    })
    .join(' UNION ALL ');
}

/**
 * Derived table of time points, one row per period: `pid` (period id) and `t` (its last day as a
 * DATE literal). Pushes the parameters.
 */
export function pointsTable(periods: readonly Period[], params: unknown[]): string {
  return valuesTable(
    ['pid', 't'],
    periods.map((p) => [p.id, timeLiteral(periodLastDay(p), 'DATE')]),
    params,
  );
}

/**
 * Derived table of periods: `pid`, `ps` (first day), `pl` (last day) and `pe` (the day after), as
 * literals of `format` (DATE by default; for a DATETIME column, the first instant of each day).
 * Pushes the parameters.
 */
export function periodsTable(
  periods: readonly Period[],
  params: unknown[],
  format: TimeFormat = 'DATE',
): string {
  return valuesTable(
    ['pid', 'ps', 'pl', 'pe'],
    periods.map((p) => [
      p.id,
      timeLiteral(periodStart(p), format),
      timeLiteral(periodLastDay(p), format),
      timeLiteral(periodEnd(p), format),
    ]),
    params,
  );
}

/** What the periods cover together, as literals of `format` (DATE by default). */
export interface PeriodsSpan {
  /** The earliest first day. */
  readonly firstDay: string;
  /** The earliest time point (last day of a period). */
  readonly firstPoint: string;
  /** The latest last day (the latest time point). */
  readonly lastDay: string;
  /** The day after the latest last day (exclusive end). */
  readonly end: string;
}

export function periodsSpan(periods: readonly Period[], format: TimeFormat = 'DATE'): PeriodsSpan {
  const earliest = (days: string[]): string => timeLiteral(days.sort()[0], format);
  const latest = (days: string[]): string => timeLiteral(days.sort()[days.length - 1], format);
  return {
    firstDay: earliest(periods.map(periodStart)),
    firstPoint: earliest(periods.map(periodLastDay)),
    lastDay: latest(periods.map(periodLastDay)),
    end: latest(periods.map(periodEnd)),
  };
}

/** Period id (as the database returns it) → its time point (last day, `yyyyMMdd`); '' for an unknown id. */
export function pointsById(periods: readonly Period[]): (id: unknown) => string {
  const byId = new Map(periods.map((p) => [p.id, periodLastDay(p)]));
  return (id) => byId.get(String(id)) ?? '';
}
