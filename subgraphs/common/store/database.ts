import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { placeholders } from '../../../adapters/sql/dialect';
import { syncTurn } from '../../../adapters/sql/turn';
import { periodMonths } from '../../../schema/period';
import type { LocalDate, Period, PeriodGranularity } from '../../../schema/period';
import { DEFAULT_STORED_PERIODS } from '../../../adapters/sources/config';
import {
  addMonths,
  closedPeriods,
  monthStart,
  monthsOf,
  periodOfMonths,
  periodsHolding,
  periodWithin,
} from './days';

/**
 * The measure store's own database (SQLite by default, MySQL/MariaDB when configured; never a
 * legacy source): daily aggregates per institution, their monthly roll-up, and how far each
 * (fact, source) is stored and verified. Tables are created here if absent: it is our database.
 *
 *   hag_store_day    fact, source_id, day, org_code, dims, v1…v8   one row per institution, day and
 *                                                                   key combination (dims)
 *   hag_store_month  fact, month, source_id, org_code, dims, v1…v8 the days summed per month (kept
 *                                                                   in step by every write)
 *   hag_store_state  fact, source_id, stored_from, stored_to, verified_to, times, last_error
 *   hag_store_period fact, source_id, period, org_code, dims, v1…v8  per-period facts (grain PERIOD:
 *                                                                   distinct counts, states on a
 *                                                                   period's last day), whole periods;
 *                                                                   org_code holds the fact's scope code
 *   hag_store_period_done  fact, source_id, period, stored_at       the periods stored complete
 *
 * A summed fact (grain DAY or MONTH) is also rolled up per closed period of the configured kinds
 * (years and half-years by default) into hag_store_period, under its own name, once the store
 * holds every day of the period: a year is then one range read, not a GROUP BY over its months.
 * Every write that touches a month rolls its periods up again, in the same transaction.
 *
 * Values are positional (v1…v8): a fact names its fields in order (`StoredFactSpec.fields`).
 */

/** Most summed fields one fact may have. */
export const MAX_FIELDS = 8;
const V = Array.from({ length: MAX_FIELDS }, (_, i) => `v${i + 1}`);
const SUM_V = V.map((v) => `SUM(${v}) AS ${v}`).join(', ');

/** The first `width` value columns, as read (v1, v2, …) and summed (SUM(v1) AS v1, …). */
function valueColumns(width: number): { read: string; summed: string } {
  const kept = V.slice(0, width);
  return { read: kept.join(', '), summed: kept.map((v) => `SUM(${v}) AS ${v}`).join(', ') };
}
const SUMS = V.map((v) => `SUM(${v})`).join(', ');
/** Rows per INSERT statement (13 parameters a row stays under SQLite's variable limit). */
const INSERT_BATCH = 1000;

/**
 * The MySQL driver's connection (mysql2), as far as streamed reads use it: a statement without a
 * callback is an emitter of its rows ('result'), its failure ('error') and its end ('end').
 */
interface DriverConnection {
  query(sql: string, params: unknown[]): DriverStatement;
}

interface DriverStatement {
  on(event: 'result', listener: (row: Row) => void): DriverStatement;
  on(event: 'error', listener: (error: Error) => void): DriverStatement;
  on(event: 'end', listener: () => void): DriverStatement;
}

/** One stored row: an institution, a bucket (day `yyyyMMdd` or month `yyyyMM`), its keys and values. */
export interface StoredRow {
  readonly orgCode: string;
  readonly bucket: string;
  /** Canonical text of the row's keys (`encodeDims`); '' when the fact has none. */
  readonly dims: string;
  readonly values: readonly number[];
}

/** A stored row read back for answers: which source holds it, and its month. */
export interface StoredMonthRow extends StoredRow {
  readonly sourceId: string;
}

/** How far one (fact, source) is stored and verified. */
export interface StoreState {
  readonly fact: string;
  readonly sourceId: string;
  /** First day stored; null: nothing yet. */
  readonly storedFrom: LocalDate | null;
  /** Day after the last day stored (`[storedFrom, storedTo)` is complete); null: nothing yet. */
  readonly storedTo: LocalDate | null;
  /** Verification reached this day (exclusive); it starts again from storedFrom when it reaches the window. */
  readonly verifiedTo: LocalDate | null;
  readonly refreshedAt: string | null;
  readonly verifiedAt: string | null;
  /** The last failure of this (fact, source), cleared by a success. */
  readonly lastError: string | null;
}

type Row = Record<string, unknown>;

/** In-memory temporary table of one store read on MariaDB (the store's own server; 128 MB). */
const READ_TEMP_TABLE_BYTES = 128 * 1024 * 1024;

const DDL = (mysql: boolean): string[] => {
  const key = (n: number): string => (mysql ? `VARCHAR(${n}) CHARACTER SET ascii NOT NULL` : `TEXT NOT NULL`);
  const values = V.map((v) => `${v} DOUBLE NOT NULL DEFAULT 0`).join(', ');
  const engine = mysql ? ' ENGINE=InnoDB' : '';
  return [
    `CREATE TABLE IF NOT EXISTS hag_store_day (fact ${key(32)}, source_id ${key(64)}, day ${key(8)},
       org_code ${key(32)}, dims ${key(400)}, ${values},
       PRIMARY KEY (fact, source_id, day, org_code, dims))${engine}`,
    `CREATE TABLE IF NOT EXISTS hag_store_month (fact ${key(32)}, month ${key(6)}, source_id ${key(64)},
       org_code ${key(32)}, dims ${key(400)}, ${values},
       PRIMARY KEY (fact, month, source_id, org_code, dims))${engine}`,
    `CREATE TABLE IF NOT EXISTS hag_store_state (fact ${key(32)}, source_id ${key(64)},
       stored_from CHAR(8) NULL, stored_to CHAR(8) NULL, verified_to CHAR(8) NULL,
       refreshed_at VARCHAR(32) NULL, verified_at VARCHAR(32) NULL, last_error VARCHAR(500) NULL,
       PRIMARY KEY (fact, source_id))${engine}`,
    `CREATE TABLE IF NOT EXISTS hag_store_period (fact ${key(32)}, source_id ${key(64)}, period ${key(8)},
       org_code ${key(32)}, dims ${key(400)}, ${values},
       PRIMARY KEY (fact, source_id, period, org_code, dims))${engine}`,
    `CREATE TABLE IF NOT EXISTS hag_store_period_done (fact ${key(32)}, source_id ${key(64)}, period ${key(8)},
       stored_at VARCHAR(32) NOT NULL, PRIMARY KEY (fact, source_id, period))${engine}`,
  ];
};

/** The row's keys as canonical text: sorted members, non-ASCII escaped (the key columns are ASCII). */
export function encodeDims(dims: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(dims).sort();
  if (keys.length === 0) return '';
  const text = JSON.stringify(Object.fromEntries(keys.map((k) => [k, dims[k] ?? null])));
  return text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Stored rows whose keys hold `key` = one of `values` (filtering a fact by one of its keys in SQL). */
export interface KeysFilter {
  readonly key: string;
  readonly values: readonly string[];
  /**
   * Starts shared by families of the values (a region's code without its trailing '00's, which
   * every code of its subtree starts with): the values starting with one are matched by one
   * pattern of that start, the others each by its own. A coarser prefilter with fewer patterns.
   */
  readonly prefixes?: readonly string[];
}

/**
 * LIKE patterns matching the encoded keys (`encodeDims`) that hold `key` = one of `values`: the
 * member's exact text (or, for the values starting with one of `prefixes`, the member's text up to
 * that start), wildcards escaped with '!'. A prefilter: a row it keeps may still be excluded by
 * its reader, a row it drops holds none of the values.
 */
export function keysPatterns(filter: KeysFilter): string[] {
  const like = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);
  // The member's text `"key":"value"` (encodeDims), without its closing quote for a start.
  const member = (value: string): string => encodeDims({ [filter.key]: value }).slice(1, -1);
  const values = [...new Set(filter.values)];
  const prefixes = [...new Set(filter.prefixes ?? [])].filter(
    (p) => p !== '' && values.some((v) => v.startsWith(p)),
  );
  const exact = values.filter((v) => !prefixes.some((p) => v.startsWith(p)));
  return [
    ...prefixes.map((p) => `%${like(member(p).slice(0, -1))}%`),
    ...exact.map((value) => `%${like(member(value))}%`),
  ];
}

/**
 * Decoded key texts: a fact's rows repeat few key combinations, so each is parsed once. Two
 * generations: when the current one is full it becomes the previous one (still read, its hits
 * carried over), so a working set near the limit is not dropped all at once and parsed again.
 */
let DECODED = new Map<string, Readonly<Record<string, unknown>>>();
let DECODED_BEFORE = new Map<string, Readonly<Record<string, unknown>>>();
const DECODED_MAX = 20_000;
const NO_DIMS: Readonly<Record<string, unknown>> = {};

/** The keys of `text` (`encodeDims`); the object is shared: copy it, never change it. */
export function decodeDims(text: string): Readonly<Record<string, unknown>> {
  if (text === '') return NO_DIMS;
  let dims = DECODED.get(text);
  if (dims) return dims;
  // Not frozen: a row is built by spreading it, and V8 copies a plain object's members in one step.
  dims = DECODED_BEFORE.get(text) ?? (JSON.parse(text) as Record<string, unknown>);
  if (DECODED.size >= DECODED_MAX) {
    DECODED_BEFORE = DECODED;
    DECODED = new Map();
  }
  DECODED.set(text, dims);
  return dims;
}

function stateOf(r: Row): StoreState {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    fact: String(r.fact),
    sourceId: String(r.source_id),
    storedFrom: text(r.stored_from),
    storedTo: text(r.stored_to),
    verifiedTo: text(r.verified_to),
    refreshedAt: text(r.refreshed_at),
    verifiedAt: text(r.verified_at),
    lastError: text(r.last_error),
  };
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * Institution codes, buckets and source ids read back, one string each: a province's rows repeat
 * 24 000 codes and a few buckets, and the rows an answer keeps then share them instead of each
 * holding copies the driver made (survivors of every collection of the request).
 */
const INTERNED = new Map<string, string>();
const INTERNED_MAX = 200_000;

function interned(value: unknown): string {
  const text = String(value);
  const known = INTERNED.get(text);
  if (known !== undefined) return known;
  if (INTERNED.size >= INTERNED_MAX) INTERNED.clear();
  INTERNED.set(text, text);
  return text;
}

/** A column's value as the last row had it, interned when it changes. */
interface Column {
  last: string;
}

/**
 * `value` interned, compared first with the column's previous value: rows arrive in key order
 * (by source, bucket and institution), so most are the same text again, told apart without hashing.
 */
function internedIn(column: Column, value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  if (text === column.last) return column.last;
  column.last = interned(text);
  return column.last;
}

/**
 * A statement's rows as one reused view (source_id, org_code, bucket, dims and the first `width`
 * of v1…v8): each driver row overwrites it before `onRow` sees it, so a province's read makes no
 * object per row of its own. `onRow` copies what it keeps (fromStored, fromPeriodStored do).
 */
function rowView(width: number, onRow: (row: StoredMonthRow) => void): (r: Row) => void {
  const source: Column = { last: '' };
  const org: Column = { last: '' };
  const bucket: Column = { last: '' };
  const view = { sourceId: '', orgCode: '', bucket: '', dims: '', values: new Array<number>(width).fill(0) };
  return (r) => {
    view.sourceId = internedIn(source, r.source_id);
    view.orgCode = internedIn(org, r.org_code);
    view.bucket = internedIn(bucket, r.bucket);
    view.dims = String(r.dims);
    for (let i = 0; i < width; i++) view.values[i] = num(r[V[i]]);
    onRow(view);
  };
}

/** A stored row of its own (a copy of the reused view: see rowView). */
function copyOf(row: StoredMonthRow): StoredMonthRow {
  return { ...row, values: [...row.values] };
}

/**
 * Sources grouped by the same set of buckets (months or periods) asked of them: each group is one
 * SELECT of the UNION. Sources with no bucket asked are left out.
 */
function sourcesBySet(
  parts: ReadonlyArray<readonly [string, readonly string[]]>,
): Array<[string[], string[]]> {
  const groups = new Map<string, string[]>();
  for (const [sourceId, buckets] of parts) {
    if (buckets.length === 0) continue;
    const key = [...buckets].sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), sourceId]);
  }
  return [...groups].map(([key, sources]) => [key.split(','), sources]);
}

/** INSERT `rows` of `fact` from `sourceId` into `table`, the bucket in column `bucket`, in batches. */
async function insertRows(
  q: (sql: string, params: unknown[]) => Promise<void>,
  table: 'hag_store_day' | 'hag_store_month' | 'hag_store_period',
  bucket: 'day' | 'month' | 'period',
  fact: string,
  sourceId: string,
  rows: readonly StoredRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    const params: unknown[] = [];
    for (const r of batch) {
      params.push(fact, sourceId, r.bucket, r.orgCode, r.dims);
      for (let v = 0; v < MAX_FIELDS; v++) params.push(r.values[v] ?? 0);
    }
    await q(
      `INSERT INTO ${table} (fact, source_id, ${bucket}, org_code, dims, ${V.join(', ')}) VALUES ${batch
        .map(() => `(${placeholders(5 + MAX_FIELDS)})`)
        .join(', ')}`,
      params,
    );
  }
}

/** What `monthRows` reads of one source: whole months, and the stored days of a partial month. */
export interface MonthRowsPart {
  readonly sourceId: string;
  readonly months: readonly string[];
  readonly partial: { readonly month: string; readonly upTo: LocalDate } | null;
}

/** How `monthRows` reads: summed per group of months, filtered by keys, from period roll-ups. */
export interface MonthRowsOptions {
  /** Groups of months whose whole stored months are summed into one row each (null: per month). */
  readonly groups?: readonly (readonly string[])[] | null;
  /** Only rows whose keys hold one of these values for this key (a prefilter; see keysPatterns). */
  readonly keys?: KeysFilter | null;
  /**
   * Per source id, the periods rolled up (`storedPeriods`): a group that is exactly one of them is
   * read from its roll-up (its bucket the group's first month), not summed from its months.
   */
  readonly rolled?: ReadonlyMap<string, { has(periodId: string): boolean }> | null;
  /**
   * Read roll-ups projected to the fact's kept keys (`project`): `rolled` then says which periods
   * are rolled up projected. Month groups summed from months keep every key.
   */
  readonly projected?: boolean;
  /**
   * Value columns read (v1…v`width`): the fact's fields, fewer than MAX_FIELDS for most facts (a
   * province's rows parsed eight numbers each, mostly unused zeros). Default: all of them.
   */
  readonly width?: number;
}

/** The fact name the projected roll-ups of `fact` are stored under (see `StoreDatabase.project`). */
export function projectedFact(fact: string): string {
  return `${fact}~k`;
}

export class StoreDatabase {
  private readonly mysql: boolean;
  /** Per fact, the keys its projected roll-ups keep (sorted); see `project`. */
  private readonly projections = new Map<string, readonly string[]>();
  /** The period kinds summed facts are rolled up to (never MONTH: a month row is its own roll-up). */
  readonly rollups: readonly PeriodGranularity[];
  /** A MariaDB store: its reads run with a larger in-memory temporary table (READ_TEMP_TABLE_BYTES). */
  private mariadb = false;
  /** SQLite: readers and the writer on separate connections (WAL), so a read never sees a write in progress. */
  private reader: DataSource | null = null;
  private writer: DataSource | null = null;
  private opening: Promise<void> | null = null;
  /** Statements sent to the store (reads and writes), for the benchmark's figures. */
  statements = 0;
  /** Told of every read once answered (the benchmark's profile): its text, time and rows. */
  onRead: ((sql: string, ms: number, rows: number, params: readonly unknown[]) => void) | null = null;
  /**
   * Writes one at a time: reading the sources is the slow, parallel part; concurrent range
   * deletes and inserts on one InnoDB table would only deadlock each other.
   */
  private writing: Promise<unknown> = Promise.resolve();

  /** One write transaction, after the previous one. */
  private tx(work: (em: EntityManager) => Promise<void>): Promise<void> {
    const next = this.writing.then(
      () => this.writer!.transaction(work),
      () => this.writer!.transaction(work),
    );
    this.writing = next.catch(() => undefined);
    return next;
  }

  constructor(
    readonly url: string,
    rollups: readonly PeriodGranularity[] = DEFAULT_STORED_PERIODS,
  ) {
    this.mysql = !url.startsWith('sqlite:');
    this.rollups = [...new Set(rollups)].filter((k) => k !== 'MONTH');
  }

  /**
   * Roll `fact` up a second time, summed over every key but `keys`, under `projectedFact(fact)`
   * (same transaction, own done marks): a batch whose consumers use those keys only reads fewer
   * rows (`MonthRowsOptions.projected`). A province's year of settlements: 116 000 rows, 20 000
   * projected to the keys its measures use.
   */
  project(fact: string, keys: readonly string[]): void {
    for (const k of keys) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(k)) throw new Error(`projected key ${k}`);
    this.projections.set(fact, [...new Set(keys)].sort());
  }

  /** Whether `fact` is rolled up projected to keys that include every one of `keys`. */
  projects(fact: string, keys: readonly string[] = []): boolean {
    const kept = this.projections.get(fact);
    return !!kept && keys.every((k) => kept.includes(k));
  }

  /** SQL of the projected keys text of a row (`encodeDims` of the kept keys, null when absent). */
  private projectedDims(keys: readonly string[]): string {
    const parts = keys.flatMap((k, i) => [
      `'${i === 0 ? '{' : ','}"${k}":'`,
      this.mysql ? `COALESCE(JSON_EXTRACT(dims, '$.${k}'), 'null')` : `COALESCE(dims -> '$.${k}', 'null')`,
    ]);
    parts.push(`'}'`);
    return this.mysql ? `CONCAT(${parts.join(', ')})` : `(${parts.join(' || ')})`;
  }

  private async open(): Promise<void> {
    if (this.reader && this.writer) return;
    this.opening ??= this.connect().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async connect(): Promise<void> {
    if (this.mysql) {
      const ds = new DataSource({
        type: 'mysql',
        url: this.url.replace(/^mariadb:/, 'mysql:'),
        poolSize: 6,
        supportBigNumbers: true,
        bigNumberStrings: false,
        logging: false,
      });
      await ds.initialize();
      for (const sql of DDL(true)) await ds.query(sql);
      const [version] = (await ds.query('SELECT VERSION() AS v')) as Array<{ v: string }>;
      this.mariadb = /mariadb/i.test(String(version?.v ?? ''));
      this.reader = ds;
      this.writer = ds;
      return;
    }
    const file = this.url.slice('sqlite:'.length);
    mkdirSync(dirname(file), { recursive: true });
    const writer = new DataSource({ type: 'better-sqlite3', database: file, logging: false });
    await writer.initialize();
    await writer.query('PRAGMA journal_mode = WAL');
    await writer.query('PRAGMA synchronous = NORMAL');
    for (const sql of DDL(false)) await writer.query(sql);
    const reader = new DataSource({ type: 'better-sqlite3', database: file, readonly: true, logging: false });
    await reader.initialize();
    this.writer = writer;
    this.reader = reader;
  }

  /**
   * `sql` run with a larger in-memory temporary table on MariaDB: a province's year of settlements
   * groups ~600 000 month rows into ~120 000 (institution, keys) rows, and past MariaDB's default
   * 16 MB the temporary table goes to disk (5.3 s; 3.4 s in memory).
   */
  private withTempTable(sql: string): string {
    return this.mariadb
      ? `SET STATEMENT tmp_table_size=${READ_TEMP_TABLE_BYTES}, max_heap_table_size=${READ_TEMP_TABLE_BYTES} FOR ${sql}`
      : sql;
  }

  private async read(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    await this.open();
    this.statements += 1;
    if (!this.mysql) await syncTurn();
    const started = performance.now();
    const rows = (await this.reader!.query(this.withTempTable(sql), [...params])) as Row[];
    this.onRead?.(sql, performance.now() - started, rows.length, params);
    return rows;
  }

  /**
   * A read whose rows are handed to `onRow` one by one as they arrive (MySQL/MariaDB: streamed, so
   * a province's 200 000 rows are never held as one result: each driver row dies young instead of
   * surviving every collection of the request). Returns the number of rows. A row `onRow` throws on
   * fails the read once the statement has ended (the connection is never left mid-result).
   */
  private async each(sql: string, params: readonly unknown[], onRow: (r: Row) => void): Promise<number> {
    await this.open();
    if (!this.mysql) {
      const rows = await this.read(sql, params);
      for (const r of rows) onRow(r);
      return rows.length;
    }
    this.statements += 1;
    const started = performance.now();
    const runner = this.reader!.createQueryRunner();
    let count = 0;
    try {
      // The driver's connection itself (typeorm's runner holds it): its statement emits each row
      // as it is parsed ('result'), without a Readable stream between (a buffer and an event per
      // row on top of the driver's own), then 'end'.
      const connection = (await runner.connect()) as DriverConnection;
      await new Promise<void>((resolve, reject) => {
        let failure: unknown = null;
        connection
          .query(this.withTempTable(sql), [...params])
          .on('result', (r: Row) => {
            if (failure !== null) return;
            count += 1;
            try {
              onRow(r);
            } catch (e) {
              failure = e;
            }
          })
          // A failing statement or connection: at once (a lost connection may never end).
          .on('error', reject)
          .on('end', () => (failure === null ? resolve() : reject(failure as Error)));
      });
    } finally {
      await runner.release();
    }
    this.onRead?.(sql, performance.now() - started, count, params);
    return count;
  }

  /** Every (fact, source) state, or those of `facts`. */
  async states(facts?: readonly string[]): Promise<StoreState[]> {
    if (facts && facts.length === 0) return [];
    const where = facts ? ` WHERE fact IN (${placeholders(facts.length)})` : '';
    return (
      await this.read(`SELECT * FROM hag_store_state${where} ORDER BY fact, source_id`, facts ?? [])
    ).map(stateOf);
  }

  /**
   * Replace what is stored of `fact` from `sourceId` for the days `[from, to)` (DAY grain: days;
   * MONTH grain: the whole months, `from`/`to` on month starts) by `rows`, roll the touched months
   * up, and record the new state, in one transaction: a reader sees all of it or none of it.
   */
  async replace(
    fact: string,
    grain: 'DAY' | 'MONTH',
    sourceId: string,
    range: { from: LocalDate; to: LocalDate },
    rows: readonly StoredRow[],
    state: Omit<StoreState, 'fact' | 'sourceId'>,
  ): Promise<void> {
    await this.open();
    const months = monthsOf(range.from, range.to);
    await this.tx(async (em) => {
      const q = this.counted(em);
      await q(
        `DELETE FROM hag_store_month WHERE fact = ? AND source_id = ? AND month IN (${placeholders(months.length)})`,
        [fact, sourceId, ...months],
      );
      if (grain === 'DAY') {
        await q('DELETE FROM hag_store_day WHERE fact = ? AND source_id = ? AND day >= ? AND day < ?', [
          fact,
          sourceId,
          range.from,
          range.to,
        ]);
        await insertRows(q, 'hag_store_day', 'day', fact, sourceId, rows);
        // The touched months again from every stored day of them (days outside the range included).
        await q(
          `INSERT INTO hag_store_month (fact, month, source_id, org_code, dims, ${V.join(', ')})
           SELECT fact, SUBSTR(day, 1, 6), source_id, org_code, dims, ${V.map((v) => `SUM(${v})`).join(', ')}
             FROM hag_store_day
            WHERE fact = ? AND source_id = ? AND day >= ? AND day < ?
            GROUP BY fact, SUBSTR(day, 1, 6), source_id, org_code, dims`,
          [fact, sourceId, monthStart(range.from), addMonths(`${months[months.length - 1]}01`, 1)],
        );
      } else {
        await insertRows(q, 'hag_store_month', 'month', fact, sourceId, rows);
      }
      await this.rollUp(q, fact, sourceId, periodsHolding(this.rollups, months), state);
      await this.writeState(em, { fact, sourceId, ...state });
    });
  }

  /**
   * Roll the stored months of `fact` from `sourceId` up into `periods` again, inside the caller's
   * transaction: each period's roll-up is forgotten, and written again (rows and done mark) when
   * `state` holds all of its days.
   */
  private async rollUp(
    q: (sql: string, params: unknown[]) => Promise<void>,
    fact: string,
    sourceId: string,
    periods: readonly Period[],
    state: Pick<StoreState, 'storedFrom' | 'storedTo'>,
  ): Promise<void> {
    if (periods.length === 0) return;
    const ids = periods.map((p) => p.id);
    const kept = this.projections.get(fact);
    const facts = kept ? [fact, projectedFact(fact)] : [fact];
    for (const table of ['hag_store_period', 'hag_store_period_done'])
      await q(
        `DELETE FROM ${table} WHERE fact IN (${placeholders(facts.length)}) AND source_id = ? AND period IN (${placeholders(ids.length)})`,
        [...facts, sourceId, ...ids],
      );
    const whole = periods.filter((p) => periodWithin(p, state.storedFrom, state.storedTo));
    const storedAt = new Date().toISOString();
    for (const p of whole) {
      const months = periodMonths(p);
      await q(
        `INSERT INTO hag_store_period (fact, source_id, period, org_code, dims, ${V.join(', ')})
         SELECT fact, source_id, ?, org_code, dims, ${SUMS}
           FROM hag_store_month
          WHERE fact = ? AND month IN (${placeholders(months.length)}) AND source_id = ?
          GROUP BY fact, source_id, org_code, dims`,
        [p.id, fact, ...months, sourceId],
      );
      if (!kept) continue;
      const dims = this.projectedDims(kept);
      await q(
        `INSERT INTO hag_store_period (fact, source_id, period, org_code, dims, ${V.join(', ')})
         SELECT ?, source_id, period, org_code, ${dims}, ${SUMS}
           FROM hag_store_period
          WHERE fact = ? AND source_id = ? AND period = ?
          GROUP BY source_id, period, org_code, ${dims}`,
        [projectedFact(fact), fact, sourceId, p.id],
      );
    }
    if (whole.length > 0) {
      const done: unknown[] = [];
      for (const f of facts) for (const p of whole) done.push(f, sourceId, p.id, storedAt);
      await q(
        `INSERT INTO hag_store_period_done (fact, source_id, period, stored_at) VALUES ${Array.from(
          { length: facts.length * whole.length },
          () => '(?, ?, ?, ?)',
        ).join(', ')}`,
        done,
      );
    }
  }

  /**
   * Roll up the periods of the configured kinds that `state` holds wholly and that have no
   * roll-up yet (a store written before roll-ups existed, or with other kinds): one transaction.
   * Returns the periods rolled up.
   */
  async rollUpMissing(fact: string, sourceId: string, state: StoreState): Promise<string[]> {
    if (!state.storedFrom || !state.storedTo || this.rollups.length === 0) return [];
    const { storedFrom, storedTo } = state;
    await this.open();
    // A period is rolled up when every roll-up of it is (the fact's and its projection's).
    const facts = this.projections.has(fact) ? [fact, projectedFact(fact)] : [fact];
    const marks = await this.read(
      `SELECT fact, period FROM hag_store_period_done WHERE fact IN (${placeholders(facts.length)}) AND source_id = ?`,
      [...facts, sourceId],
    );
    const done = (id: string): boolean =>
      facts.every((f) => marks.some((m) => String(m.fact) === f && String(m.period) === id));
    const missing = closedPeriods(this.rollups, storedFrom, storedTo).filter((p) => !done(p.id));
    if (missing.length === 0) return [];
    await this.tx((em) => this.rollUp(this.counted(em), fact, sourceId, missing, state));
    return missing.map((p) => p.id);
  }

  /** A statement runner inside transaction `em` that counts what it sends. */
  private counted(em: EntityManager): (sql: string, params: unknown[]) => Promise<void> {
    return async (sql, params) => {
      this.statements += 1;
      if (!this.mysql) await syncTurn();
      await em.query(sql, params);
    };
  }

  /** Record a state change without data (a failure, a verification step, a reset). */
  async saveState(state: StoreState): Promise<void> {
    await this.open();
    await this.tx((em) => this.writeState(em, state));
  }

  /** Replace the state row of (fact, source), inside the caller's transaction. */
  private async writeState(em: EntityManager, state: StoreState): Promise<void> {
    this.statements += 2;
    await em.query('DELETE FROM hag_store_state WHERE fact = ? AND source_id = ?', [
      state.fact,
      state.sourceId,
    ]);
    await em.query(
      `INSERT INTO hag_store_state (fact, source_id, stored_from, stored_to, verified_to, refreshed_at, verified_at, last_error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        state.fact,
        state.sourceId,
        state.storedFrom,
        state.storedTo,
        state.verifiedTo,
        state.refreshedAt,
        state.verifiedAt,
        state.lastError,
      ],
    );
  }

  /** Forget everything stored of (fact, source): a rebuild starts from nothing. */
  async clear(fact: string, sourceId: string): Promise<void> {
    await this.open();
    await this.tx(async (em) => {
      this.statements += 5;
      for (const table of [
        'hag_store_day',
        'hag_store_month',
        'hag_store_state',
        'hag_store_period',
        'hag_store_period_done',
      ]) {
        await em.query(`DELETE FROM ${table} WHERE fact = ? AND source_id = ?`, [fact, sourceId]);
      }
    });
  }

  /**
   * Stored rows of `fact` for answers, summed per source, institution, month and keys, in one
   * statement: whole months from the monthly roll-up, and the days `[monthStart, upTo)` of a month
   * a source has only partly stored from the daily rows. `parts` says, per source, which whole
   * months and which partial month to read; `orgCodes` null reads every institution of them.
   */
  async monthRows(
    fact: string,
    parts: ReadonlyArray<MonthRowsPart>,
    orgCodes: readonly string[] | null,
    options: MonthRowsOptions = {},
  ): Promise<StoredMonthRow[]> {
    const out: StoredMonthRow[] = [];
    await this.eachMonthRow(fact, parts, orgCodes, options, (row) => out.push(copyOf(row)));
    return out;
  }

  /**
   * `monthRows`, each row handed to `onRow` as it is read (see `each`) through one reused view:
   * valid during the call only (see rowView). Returns the number of rows.
   */
  async eachMonthRow(
    fact: string,
    parts: ReadonlyArray<MonthRowsPart>,
    orgCodes: readonly string[] | null,
    options: MonthRowsOptions,
    onRow: (row: StoredMonthRow) => void,
  ): Promise<number> {
    const { groups = null, keys = null, rolled = null, width = MAX_FIELDS } = options;
    const columns = valueColumns(width);
    const rolledFact = options.projected && this.projects(fact) ? projectedFact(fact) : fact;
    // The filters every SELECT ends with, and their parameters.
    let filter = '';
    // Not push(...codes): a province's codes may outnumber the arguments a call may take.
    const filterParams: unknown[] = orgCodes === null ? [] : [...orgCodes];
    if (orgCodes !== null) filter += ` AND org_code IN (${placeholders(orgCodes.length)})`;
    if (keys !== null) {
      const patterns = keysPatterns(keys);
      filterParams.push(...patterns);
      filter += ` AND (${patterns.map(() => `dims LIKE ? ESCAPE '!'`).join(' OR ')})`;
    }
    /** The SELECTs of the UNION, in order, each with its parameters (the filters' last). */
    const selects: Array<{ sql: string; params: unknown[] } | { rolled: string }> = [];
    const select = (sql: string, params: unknown[], groupBy = ''): void => {
      selects.push({ sql: `${sql}${filter}${groupBy}`, params: [...params, ...filterParams] });
    };
    // Whole periods rolled up, per set of sources: one SELECT for all of them, where the first of
    // them stood (a scope's list of codes was sent, parsed and matched once per period).
    const rolledBySources = new Map<string, { sources: readonly string[]; periods: Period[] }>();
    for (const [months, sources] of sourcesBySet(parts.map((p) => [p.sourceId, p.months]))) {
      if (groups === null) {
        select(
          `SELECT source_id, org_code, month AS bucket, dims, ${columns.read} FROM hag_store_month
            WHERE fact = ? AND month IN (${placeholders(months.length)}) AND source_id IN (${placeholders(sources.length)})`,
          [fact, ...months, ...sources],
        );
        continue;
      }
      const asked = new Set(months);
      for (const group of groups) {
        const part = group.filter((m) => asked.has(m));
        if (part.length === 0) continue;
        // A group that is a whole period rolled up for some sources: their rows read as they are.
        const period = periodOfMonths(this.rollups, part);
        const whole = period ? sources.filter((s) => rolled?.get(s)?.has(period.id)) : [];
        const summed = sources.filter((s) => !whole.includes(s));
        if (period && whole.length > 0) {
          const key = whole.join(',');
          const same = rolledBySources.get(key);
          if (same) same.periods.push(period);
          else {
            rolledBySources.set(key, { sources: whole, periods: [period] });
            selects.push({ rolled: key });
          }
        }
        if (summed.length === 0) continue;
        select(
          `SELECT source_id, org_code, MIN(month) AS bucket, dims, ${columns.summed} FROM hag_store_month
            WHERE fact = ? AND month IN (${placeholders(part.length)}) AND source_id IN (${placeholders(summed.length)})`,
          [fact, ...part, ...summed],
          ' GROUP BY source_id, org_code, dims',
        );
      }
    }
    for (const p of parts) {
      if (!p.partial) continue;
      select(
        `SELECT source_id, org_code, SUBSTR(day, 1, 6) AS bucket, dims, ${columns.summed} FROM hag_store_day
          WHERE fact = ? AND source_id = ? AND day >= ? AND day < ?`,
        [fact, p.sourceId, `${p.partial.month}01`, p.partial.upTo],
        ' GROUP BY source_id, org_code, SUBSTR(day, 1, 6), dims',
      );
    }
    if (selects.length === 0) return 0;
    const sql: string[] = [];
    const params: unknown[] = [];
    for (const s of selects) {
      if ('sql' in s) {
        sql.push(s.sql);
        for (const v of s.params) params.push(v);
        continue;
      }
      // Each period's rows under the bucket of its first month.
      const { sources, periods } = rolledBySources.get(s.rolled)!;
      sql.push(
        `SELECT source_id, org_code, CASE period${' WHEN ? THEN ?'.repeat(periods.length)} END AS bucket, dims, ${columns.read}
           FROM hag_store_period
          WHERE fact = ? AND period IN (${placeholders(periods.length)}) AND source_id IN (${placeholders(sources.length)})${filter}`,
      );
      for (const period of periods) params.push(period.id, periodMonths(period)[0]);
      params.push(rolledFact, ...periods.map((p) => p.id), ...sources);
      for (const v of filterParams) params.push(v);
    }
    return this.each(sql.join(' UNION ALL '), params, rowView(width, onRow));
  }

  /**
   * Replace what is stored of the per-period fact `fact` from `sourceId` for `periods` by `rows`
   * (bucket: the period id), mark those periods stored, and record the (fact, source) summary
   * state, in one transaction.
   */
  async replacePeriods(
    fact: string,
    sourceId: string,
    periods: readonly string[],
    rows: readonly StoredRow[],
    state: Omit<StoreState, 'fact' | 'sourceId'>,
  ): Promise<void> {
    if (periods.length === 0) return;
    await this.open();
    const storedAt = new Date().toISOString();
    await this.tx(async (em) => {
      const q = this.counted(em);
      for (const table of ['hag_store_period', 'hag_store_period_done'])
        await q(
          `DELETE FROM ${table} WHERE fact = ? AND source_id = ? AND period IN (${placeholders(periods.length)})`,
          [fact, sourceId, ...periods],
        );
      await insertRows(q, 'hag_store_period', 'period', fact, sourceId, rows);
      const done: unknown[] = [];
      for (const p of periods) done.push(fact, sourceId, p, storedAt);
      await q(
        `INSERT INTO hag_store_period_done (fact, source_id, period, stored_at) VALUES ${periods
          .map(() => '(?, ?, ?, ?)')
          .join(', ')}`,
        done,
      );
      await this.writeState(em, { fact, sourceId, ...state });
    });
  }

  /** The periods stored complete (of every fact, or of `facts`), per `fact|sourceId`: period id → when it was stored. */
  async storedPeriods(facts?: readonly string[]): Promise<Map<string, Map<string, string>>> {
    const out = new Map<string, Map<string, string>>();
    if (facts && facts.length === 0) return out;
    const where = facts ? ` WHERE fact IN (${placeholders(facts.length)})` : '';
    const rows = await this.read(
      `SELECT fact, source_id, period, stored_at FROM hag_store_period_done${where}`,
      facts ?? [],
    );
    for (const r of rows) {
      const key = `${String(r.fact)}|${String(r.source_id)}`;
      const periods = out.get(key) ?? new Map<string, string>();
      periods.set(String(r.period), String(r.stored_at));
      out.set(key, periods);
    }
    return out;
  }

  /**
   * Stored rows of the per-period fact `fact`, for the periods each source has stored (`parts`),
   * in one statement; `codes` null reads every scope code.
   */
  async periodRows(
    fact: string,
    parts: ReadonlyArray<{ sourceId: string; periods: readonly string[] }>,
    codes: readonly string[] | null,
  ): Promise<StoredMonthRow[]> {
    const out: StoredMonthRow[] = [];
    await this.eachPeriodRow(fact, parts, codes, (row) => out.push(copyOf(row)));
    return out;
  }

  /**
   * `periodRows`, each row handed to `onRow` as it is read (see `each`) through one reused view:
   * valid during the call only (see rowView). Returns the number of rows.
   */
  async eachPeriodRow(
    fact: string,
    parts: ReadonlyArray<{ sourceId: string; periods: readonly string[] }>,
    codes: readonly string[] | null,
    onRow: (row: StoredMonthRow) => void,
    /** Value columns read (see MonthRowsOptions.width). */
    width: number = MAX_FIELDS,
  ): Promise<number> {
    if (codes !== null && codes.length === 0) return 0;
    const columns = valueColumns(width).read;
    const params: unknown[] = [];
    const selects: string[] = [];
    for (const [periods, sources] of sourcesBySet(parts.map((p) => [p.sourceId, p.periods]))) {
      params.push(fact, ...periods, ...sources);
      let where = `fact = ? AND period IN (${placeholders(periods.length)}) AND source_id IN (${placeholders(sources.length)})`;
      if (codes !== null) {
        for (const c of codes) params.push(c);
        where += ` AND org_code IN (${placeholders(codes.length)})`;
      }
      selects.push(
        `SELECT source_id, org_code, period AS bucket, dims, ${columns} FROM hag_store_period WHERE ${where}`,
      );
    }
    if (selects.length === 0) return 0;
    return this.each(selects.join(' UNION ALL '), params, rowView(width, onRow));
  }

  /**
   * Stored totals of `fact` from `sourceId` per day (DAY grain) or month (MONTH grain) of
   * `[from, to)`, over every institution and key: what verification compares with the source.
   */
  async totals(
    fact: string,
    grain: 'DAY' | 'MONTH',
    sourceId: string,
    range: { from: LocalDate; to: LocalDate },
  ): Promise<Map<string, number[]>> {
    const rows =
      grain === 'DAY'
        ? await this.read(
            `SELECT day AS bucket, ${SUM_V} FROM hag_store_day
              WHERE fact = ? AND source_id = ? AND day >= ? AND day < ? GROUP BY day`,
            [fact, sourceId, range.from, range.to],
          )
        : await this.read(
            `SELECT month AS bucket, ${SUM_V} FROM hag_store_month
              WHERE fact = ? AND source_id = ? AND month IN (${placeholders(monthsOf(range.from, range.to).length)})
              GROUP BY month`,
            [fact, sourceId, ...monthsOf(range.from, range.to)],
          );
    return new Map(rows.map((r) => [String(r.bucket), V.map((v) => num(r[v]))]));
  }

  async close(): Promise<void> {
    const { reader, writer } = this;
    this.reader = null;
    this.writer = null;
    if (reader?.isInitialized) await reader.destroy();
    if (writer && writer !== reader && writer.isInitialized) await writer.destroy();
  }
}
