import type { PeriodFactSpec } from './period-spec';
import type { SystemKind } from '../../../adapters';
import type { SqlSource } from '../../../adapters/sql/source';
import type { MonthlyQuery } from '../../../adapters/sql/time';
import { decodeDims, encodeDims, MAX_FIELDS } from './database';
import type { StoredRow } from './database';

/** A row of an institution-held fact as its adapter returns it: institution, bucket, keys, sums. */
export type FactRow = { readonly orgCode: string; readonly month: string } & Readonly<
  Record<string, unknown>
>;

/**
 * One fact the measure store keeps: which sources hold it, how its adapter is called, which of
 * its fields are sums (stored, in order) and which of them verification compares per day.
 */
export interface StoredFactSpec {
  /** Stable name, e.g. `visits` (stored in the key columns). */
  readonly name: string;
  /**
   * DAY: stored per day (every field sums over days). MONTH: stored per whole closed month, for a
   * fact with a distinct count (例次) that days do not add up to.
   */
  readonly grain: 'DAY' | 'MONTH';
  /** Summed fields, in storage order (at most MAX_FIELDS); every other field but orgCode/month is a key. */
  readonly fields: readonly string[];
  /** Fields compared with the source's per-day totals by verification (exact unless `checkTolerance`). */
  readonly checkFields: readonly string[];
  /**
   * Per check field, the difference verification tolerates (default: none beyond float noise).
   * Money sums are rounded to the fen row by row on one side and once on the other: half a yuan
   * absorbs that rounding and still catches a corrected charge.
   */
  readonly checkTolerance?: Readonly<Record<string, number>>;
  /**
   * The keys the fact's measures use, when they are fewer than its keys: closed periods are also
   * rolled up summed over the other keys, and batches asking for projected rows read those.
   */
  readonly projection?: readonly string[];
  /** System kinds holding it. */
  readonly kinds: readonly SystemKind[];
  /** The adapter call: one aggregate statement for `query` (grains MONTH, DAY and DAY_TOTAL). */
  fetch(
    source: SqlSource,
    query: MonthlyQuery & { orgCodes: readonly string[] | null },
  ): Promise<readonly FactRow[]>;
}

/** Checks a spec once, where it is declared. */
export function defineStoredFact(spec: StoredFactSpec): StoredFactSpec {
  if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(spec.name)) throw new Error(`stored fact name ${spec.name}`);
  if (spec.fields.length === 0 || spec.fields.length > MAX_FIELDS)
    throw new Error(`stored fact ${spec.name}: 1–${MAX_FIELDS} fields`);
  for (const f of spec.checkFields)
    if (!spec.fields.includes(f))
      throw new Error(`stored fact ${spec.name}: check field ${f} is not a field`);
  for (const f of Object.keys(spec.checkTolerance ?? {}))
    if (!spec.checkFields.includes(f))
      throw new Error(`stored fact ${spec.name}: tolerance of ${f}, which is not a check field`);
  for (const k of spec.projection ?? [])
    if (spec.fields.includes(k) || !/^[A-Za-z][A-Za-z0-9]*$/.test(k))
      throw new Error(`stored fact ${spec.name}: projected key ${k} is a field or not a name`);
  if (spec.projection && spec.name.length > 30)
    throw new Error(`stored fact ${spec.name}: a projected fact's name has at most 30 characters`);
  return spec;
}

/** Tolerance of a money check field, yuan (fees are rounded to the fen per row on one side). */
export const MONEY_TOLERANCE = 0.5;

/** The difference verification tolerates on check field `field` of `spec`. */
export function toleranceOf(spec: StoredFactSpec, field: string): number {
  return spec.checkTolerance?.[field] ?? 1e-6;
}

/** A fact row as a stored row. */
export function toStored(spec: StoredFactSpec, row: FactRow): StoredRow {
  const dims: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k !== 'orgCode' && k !== 'month' && !spec.fields.includes(k)) dims[k] = v;
  }
  return {
    orgCode: row.orgCode,
    bucket: row.month,
    dims: encodeDims(dims),
    values: spec.fields.map((f) => Number(row[f] ?? 0)),
  };
}

/** A stored row (read per month) back as the fact row its adapter would have returned. */
export function fromStored(spec: StoredFactSpec, row: StoredRow): FactRow {
  const out: Record<string, unknown> = { ...decodeDims(row.dims), orgCode: row.orgCode, month: row.bucket };
  spec.fields.forEach((f, i) => {
    out[f] = row.values[i] ?? 0;
  });
  return out as FactRow;
}

/** A fact the store keeps: summed by day or month (this file), or whole per period (period-spec.ts). */
export type AnyFactSpec = StoredFactSpec | PeriodFactSpec;
