import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { encodeDims, StoreDatabase } from '../../subgraphs/common/store/database';
import type { StoreState, StoredMonthRow, StoredRow } from '../../subgraphs/common/store/database';
import type { Engine } from '../fixtures/build';
import { MARIADB_ADMIN_URL } from '../fixtures/databases';

/**
 * Period roll-ups of summed facts (database.ts): a year (or half-year) the store holds wholly is
 * kept summed per institution and keys, written in the same transaction as the months it sums,
 * and read as it is instead of a GROUP BY over its months. Hand-made rows of a fact `f`:
 *
 *   day       org  dims           v1  v2
 *   20180105  A    {"k":"x"}       1  10
 *   20180320  A    {"k":"x"}       2  20
 *   20180320  A    {"k":"y"}       4  40
 *   20180815  B    {"k":"x"}       8  80
 *   20181231  A    {"k":"x"}      16 160
 *
 * 2018: A x = 19 / 190, A y = 4 / 40, B x = 8 / 80. 2018H1: A x = 3, A y = 4. 2018H2: A x = 16, B x = 8.
 */
const DB = 'hag_fxstore_rollups';
const YEAR_2018 = Array.from({ length: 12 }, (_, i) => `2018${String(i + 1).padStart(2, '0')}`);

const row = (bucket: string, orgCode: string, k: string, v1: number): StoredRow => ({
  bucket,
  orgCode,
  dims: JSON.stringify({ k }),
  values: [v1, v1 * 10],
});
const ROWS: StoredRow[] = [
  row('20180105', 'A', 'x', 1),
  row('20180320', 'A', 'x', 2),
  row('20180320', 'A', 'y', 4),
  row('20180815', 'B', 'x', 8),
  row('20181231', 'A', 'x', 16),
];

const state = (storedTo: string): Omit<StoreState, 'fact' | 'sourceId'> => ({
  storedFrom: '20180101',
  storedTo,
  verifiedTo: null,
  refreshedAt: null,
  verifiedAt: null,
  lastError: null,
});

/** Rows as `org dims v1 v2 @bucket`, sorted: order-free comparison. */
const text = (rows: readonly StoredMonthRow[]): string[] =>
  rows.map((r) => `${r.sourceId} ${r.orgCode} ${r.dims} ${r.values[0]} ${r.values[1]} @${r.bucket}`).sort();

async function storeUrl(engine: Engine): Promise<string> {
  if (engine === 'sqlite')
    return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hag-rollups-')), 'store.sqlite')}`;
  const admin = new DataSource({ type: 'mysql', url: MARIADB_ADMIN_URL, logging: false });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.destroy();
  return `${MARIADB_ADMIN_URL}/${DB}`;
}

describe.each<Engine>(['sqlite', 'mariadb'])('period roll-ups of the measure store on %s', (engine) => {
  let db: StoreDatabase;
  let url: string;
  /**
   * A year of `f` from `s1`, summed per institution and keys, through the roll-up or not. A row's
   * bucket is one of the group's months: the first from a roll-up, the earliest with data when
   * summed (consumers only ask which group it is in), so the summed rows are compared without it.
   */
  const year = async (rolled: boolean): Promise<string[]> => {
    const held = (await db.storedPeriods()).get('f|s1') ?? new Map<string, string>();
    const rows = text(
      await db.monthRows('f', [{ sourceId: 's1', months: YEAR_2018, partial: null }], null, {
        groups: [YEAR_2018],
        rolled: rolled ? new Map([['s1', held]]) : null,
      }),
    );
    return rolled ? rows : rows.map((r) => `${r.replace(/ @\d+$/, '')} @201801`);
  };

  /** Statements run on the store's database behind its back (a store written by an older version). */
  const behindTheStore = async (...statements: string[]): Promise<void> => {
    const raw =
      engine === 'sqlite'
        ? new DataSource({ type: 'better-sqlite3', database: url.slice('sqlite:'.length), logging: false })
        : new DataSource({ type: 'mysql', url, logging: false });
    await raw.initialize();
    try {
      for (const sql of statements) await raw.query(sql);
    } finally {
      await raw.destroy();
    }
  };

  beforeAll(async () => {
    url = await storeUrl(engine);
    db = new StoreDatabase(url);
    await db.replace('f', 'DAY', 's1', { from: '20180101', to: '20190101' }, ROWS, state('20190101'));
  });
  afterAll(async () => {
    await db.close();
  });

  test('a write rolls up the years and half-years it holds wholly, and marks them', async () => {
    expect([...((await db.storedPeriods()).get('f|s1')?.keys() ?? [])].sort()).toEqual([
      '2018',
      '2018H1',
      '2018H2',
    ]);
    const rows = await db.periodRows('f', [{ sourceId: 's1', periods: ['2018H1', '2018H2'] }], null);
    expect(rows.map((r) => `${r.bucket} ${r.orgCode} ${r.dims} ${r.values[0]}`).sort()).toEqual([
      '2018H1 A {"k":"x"} 3',
      '2018H1 A {"k":"y"} 4',
      '2018H2 A {"k":"x"} 16',
      '2018H2 B {"k":"x"} 8',
    ]);
  });

  test('a whole year is read from its roll-up: the same rows as summed from its months', async () => {
    const expected = [
      's1 A {"k":"x"} 19 190 @201801',
      's1 A {"k":"y"} 4 40 @201801',
      's1 B {"k":"x"} 8 80 @201801',
    ];
    expect(await year(false)).toEqual(expected);
    expect(await year(true)).toEqual(expected);
  });

  test('two half-years rolled up are one SELECT of both: the scope filter written once, each row under its half-year', async () => {
    const held = (await db.storedPeriods()).get('f|s1') ?? new Map<string, string>();
    const reads: string[] = [];
    const previous = db.onRead;
    db.onRead = (sql) => reads.push(sql);
    try {
      const rows = await db.monthRows(
        'f',
        [{ sourceId: 's1', months: YEAR_2018, partial: null }],
        ['A', 'B'],
        {
          groups: [YEAR_2018.slice(0, 6), YEAR_2018.slice(6)],
          rolled: new Map([['s1', held]]),
        },
      );
      // By hand (the table above): 2018H1 A x 3, A y 4; 2018H2 A x 16, B x 8.
      expect(text(rows)).toEqual([
        's1 A {"k":"x"} 16 160 @201807',
        's1 A {"k":"x"} 3 30 @201801',
        's1 A {"k":"y"} 4 40 @201801',
        's1 B {"k":"x"} 8 80 @201807',
      ]);
    } finally {
      db.onRead = previous;
    }
    expect(reads).toHaveLength(1);
    expect(reads[0].match(/FROM hag_store_period/g)).toHaveLength(1);
    expect(reads[0].match(/org_code IN/g)).toHaveLength(1);
  });

  test('a read of the first value columns only: the same sums, fewer columns (roll-up, months, days, periods)', async () => {
    const held = (await db.storedPeriods()).get('f|s1') ?? new Map<string, string>();
    const read = (width: number, rolled: boolean) =>
      db.monthRows('f', [{ sourceId: 's1', months: YEAR_2018, partial: null }], null, {
        groups: [YEAR_2018],
        rolled: rolled ? new Map([['s1', held]]) : null,
        width,
      });
    const values = (rows: readonly StoredMonthRow[]): string[] =>
      rows.map((r) => `${r.orgCode} ${r.dims} ${r.values.join(',')}`).sort();
    for (const rolled of [true, false]) {
      expect(values(await read(1, rolled))).toEqual(['A {"k":"x"} 19', 'A {"k":"y"} 4', 'B {"k":"x"} 8']);
      expect(values(await read(2, rolled))).toEqual([
        'A {"k":"x"} 19,190',
        'A {"k":"y"} 4,40',
        'B {"k":"x"} 8,80',
      ]);
    }
    // Days of a partly stored month, and per-period rows.
    const days = await db.monthRows(
      'f',
      [{ sourceId: 's1', months: [], partial: { month: '201803', upTo: '20180401' } }],
      null,
      { width: 1 },
    );
    expect(days.map((r) => `${r.orgCode} ${r.dims} ${r.values.join(',')}`).sort()).toEqual([
      'A {"k":"x"} 2',
      'A {"k":"y"} 4',
    ]);
    // Each row is a reused view, read during the call (what it keeps, it copies).
    const halves: string[] = [];
    const each = (r: StoredMonthRow): void => {
      halves.push(`${r.orgCode} ${r.dims} ${r.values.join(',')}`);
    };
    await db.eachPeriodRow('f', [{ sourceId: 's1', periods: ['2018H2'] }], null, each, 1);
    expect(halves.sort()).toEqual(['A {"k":"x"} 16', 'B {"k":"x"} 8']);
  });

  test('rewriting a day rolls its periods up again; a period only partly held is not rolled up', async () => {
    /** Days [from, to) of `f` from `s1` written again as `rows`, the store then holding up to `storedTo`. */
    const rewrite = (from: string, to: string, rows: StoredRow[], storedTo: string): Promise<void> =>
      db.replace('f', 'DAY', 's1', { from, to }, rows, state(storedTo));
    await rewrite('20180320', '20180321', [row('20180320', 'A', 'x', 32)], '20190101');
    // 2018: A x = 1 + 32 + 16 = 49; A y (only on 2018-03-20) is gone.
    expect(await year(true)).toEqual(['s1 A {"k":"x"} 49 490 @201801', 's1 B {"k":"x"} 8 80 @201801']);
    expect(await year(false)).toEqual(await year(true));
    await rewrite('20190101', '20190115', [row('20190110', 'B', 'x', 64)], '20190115');
    expect([...((await db.storedPeriods()).get('f|s1')?.keys() ?? [])].sort()).toEqual([
      '2018',
      '2018H1',
      '2018H2',
    ]);
  });

  test('periods held wholly without a roll-up (a store written before them) are rolled up by rollUpMissing', async () => {
    await behindTheStore(
      "DELETE FROM hag_store_period WHERE fact = 'f'",
      "DELETE FROM hag_store_period_done WHERE fact = 'f'",
    );
    const s: StoreState = { fact: 'f', sourceId: 's1', ...state('20190115') };
    expect(await db.rollUpMissing('f', 's1', s)).toEqual(['2018', '2018H1', '2018H2']);
    expect(await db.rollUpMissing('f', 's1', s)).toEqual([]);
    expect(await year(true)).toEqual(['s1 A {"k":"x"} 49 490 @201801', 's1 B {"k":"x"} 8 80 @201801']);
  });

  test('a projected fact is rolled up twice: every key, and only the kept keys; projected reads take the second', async () => {
    // Fact `p` keeps `flag` and `k`, not `z`. Non-ASCII stays escaped; a key absent or null reads null.
    const dims = (d: Record<string, unknown>): string => encodeDims(d);
    const p = (bucket: string, org: string, d: Record<string, unknown>, v1: number): StoredRow => ({
      bucket,
      orgCode: org,
      dims: dims(d),
      values: [v1, v1 * 10],
    });
    db.project('p', ['k', 'flag']);
    await db.replace(
      'p',
      'DAY',
      's1',
      { from: '20180101', to: '20190101' },
      [
        p('20180105', 'A', { flag: true, k: 'x', z: '1' }, 1),
        p('20180320', 'A', { flag: true, k: 'x', z: '2' }, 2),
        p('20180320', 'A', { flag: false, k: '中', z: '1' }, 4),
        p('20180815', 'B', { flag: null, k: 'x', z: '3' }, 8),
        p('20180901', 'B', { k: 'x', z: '3' }, 16),
      ],
      state('20190101'),
    );
    const held = await db.storedPeriods();
    expect([...(held.get('p~k|s1')?.keys() ?? [])].sort()).toEqual(['2018', '2018H1', '2018H2']);
    const read = async (projected: boolean): Promise<string[]> =>
      text(
        await db.monthRows('p', [{ sourceId: 's1', months: YEAR_2018, partial: null }], null, {
          groups: [YEAR_2018],
          rolled: new Map([['s1', held.get(projected ? 'p~k|s1' : 'p|s1')!]]),
          projected,
        }),
      ).map((r) => r.replace(/(\{[^}]*\})/, (d) => JSON.stringify(JSON.parse(d))));
    expect(await read(true)).toEqual([
      's1 A {"flag":false,"k":"中"} 4 40 @201801',
      's1 A {"flag":true,"k":"x"} 3 30 @201801',
      's1 B {"flag":null,"k":"x"} 24 240 @201801',
    ]);
    expect(await read(false)).toHaveLength(5);
    // Filtered on a kept key, as a batch filters settlements by insured area.
    const filtered = await db.monthRows('p', [{ sourceId: 's1', months: YEAR_2018, partial: null }], null, {
      groups: [YEAR_2018],
      rolled: new Map([['s1', held.get('p~k|s1')!]]),
      projected: true,
      keys: { key: 'k', values: ['中'] },
    });
    expect(filtered.map((r) => r.values[0])).toEqual([4]);
    // Forgotten, both roll-ups come back through rollUpMissing.
    await behindTheStore("DELETE FROM hag_store_period_done WHERE fact = 'p~k' AND period = '2018'");
    const s: StoreState = { fact: 'p', sourceId: 's1', ...state('20190101') };
    expect(await db.rollUpMissing('p', 's1', s)).toEqual(['2018']);
    expect(await read(true)).toHaveLength(3);
  });

  test('a store configured without roll-up kinds keeps none', async () => {
    const plain = new StoreDatabase(url, ['MONTH']);
    try {
      await plain.replace('g', 'DAY', 's1', { from: '20180101', to: '20190101' }, ROWS, state('20190101'));
      expect((await plain.storedPeriods()).get('g|s1')).toBeUndefined();
      expect(
        await plain.rollUpMissing('g', 's1', { fact: 'g', sourceId: 's1', ...state('20190101') }),
      ).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
