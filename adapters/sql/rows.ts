import { toNumber } from './dialect';
import { bucketKey } from './time';

/**
 * From the grouped rows a driver returns to canonical rows. The database groups by the vendor's
 * raw codes (a handful of values per column) or by canonical CASE values; these small pure
 * helpers read its numbers and add up the raw groups that land in one canonical class.
 */

/** A COUNT or SUM as a driver returns it: number, bigint or decimal string; NULL for a SUM over no row. */
export type Num = number | string | bigint | null;

/** A COUNT or SUM as a number (NULL, as for a SUM over no row, is 0). */
export function toCount(value: unknown): number {
  return toNumber(value) ?? 0;
}

/**
 * The institution code (trimmed) and the bucket of a grouped row: `yyyyMM`, or `yyyyMMdd` for a
 * statement grouped by day (`bucketKey`).
 */
export function orgMonth(org: unknown, ym: unknown): { orgCode: string; month: string } {
  return { orgCode: String(org).trim(), month: bucketKey(ym) };
}

/** A grouping key that may be NULL (a blank code grouped as NULL) as text or null. */
export function keyOrNull(value: unknown): string | null {
  return value === null ? null : String(value);
}

/** Yuan to the fen (SQLite sums DECIMAL as floating point). */
export function roundFen(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A money sum from the driver (decimal string on MySQL, float on SQLite) in yuan, rounded to the fen. */
export function toYuan(value: unknown): number {
  return roundFen(toCount(value));
}

/**
 * Rows grouped by raw vendor codes can fall into the same canonical class once mapped (YLFKFS '1'
 * and '1.1' are both EMPLOYEE; '' and NULL are both unknown): add up their `sums` fields. Rows are
 * the same class when all their `keys` fields are equal; the first row of a class gives the other
 * fields, and classes keep the order of their first row. Only for counts whose raw groups never
 * share a person (plain counts, or distinct counts split by a column each person has one value of).
 */
export function mergeRows<T extends object>(
  rows: Iterable<T>,
  keys: ReadonlyArray<keyof T>,
  sums: ReadonlyArray<keyof T>,
): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = JSON.stringify(keys.map((k) => row[k]));
    const seen = byKey.get(key) as Record<keyof T, unknown> | undefined;
    if (!seen) {
      byKey.set(key, { ...row });
      continue;
    }
    for (const f of sums) seen[f] = (seen[f] as number) + (row[f] as unknown as number);
  }
  return [...byKey.values()];
}
