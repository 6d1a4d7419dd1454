import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SourceRegistry } from '../../adapters';
import type { SourcesConfig, StoreConfig } from '../../adapters/sources/config';
import { parsePeriod } from '../../schema/period';
import { ScopeKind } from '../../subgraphs/common/measures';
import type { MeasureValueData } from '../../subgraphs/common/measures';
import { createInstitutionsContext, openInstitutionsStore } from '../../subgraphs/institutions';
import type { InstitutionsStore } from '../../subgraphs/institutions';
import { computeMeasureValues } from '../../subgraphs/institutions/measures/compute';
import { buildFixture } from '../fixtures/build';
import type { Engine } from '../fixtures/build';
import { MARIADB_ADMIN_URL } from '../fixtures/databases';
import { ORG } from '../fixtures/visits.fixture';
import { quietLogger } from '../helpers/quiet';

/**
 * The measure store on the visits fixture (visits.fixture.ts, numbers worked out there), with
 * "today" fixed at 2019-04-15: stored from 2018-07-01, the window is the 30 days before today
 * ([2019-03-16, 2019-04-15)), and every day from today on is the live tail.
 */
const TODAY = '20190415';
const PREFIX = 'hag_fxstore';

/** A writable connection to a fixture database, standing in for the legacy system changing its data. */
async function legacy(engine: Engine, sources: SourcesConfig, id: string): Promise<DataSource> {
  const url = sources.sources.find((s) => s.id === id)!.url;
  const ds =
    engine === 'sqlite'
      ? new DataSource({ type: 'better-sqlite3', database: url.slice('sqlite:'.length), logging: false })
      : new DataSource({
          type: 'mysql',
          url: `${MARIADB_ADMIN_URL}/${url.slice(url.lastIndexOf('/') + 1)}`,
          logging: false,
        });
  return ds.initialize();
}

async function storeUrl(engine: Engine): Promise<string> {
  if (engine === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hag-store-')), 'store.sqlite')}`;
  const admin = new DataSource({ type: 'mysql', url: MARIADB_ADMIN_URL, logging: false });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${PREFIX}_store`);
  await admin.query(`CREATE DATABASE ${PREFIX}_store`);
  await admin.destroy();
  return `${MARIADB_ADMIN_URL}/${PREFIX}_store`;
}

const visitA = (GHXH: string, JGDM: string, GHSJ: string): unknown[] => [
  GHXH,
  JGDM,
  `B${GHXH}`,
  GHSJ,
  '01',
  '1',
  '0',
  '0',
  '0',
  '',
  50,
];
const INSERT_A =
  'INSERT INTO MZ_GHXX (GHXH, JGDM, BRID, GHSJ, KSDM, GHLB, ZYBZ, THBZ, YYLY, ZDDM, ZFY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

describe.each<Engine>(['sqlite', 'mariadb'])('the measure store on %s', (engine) => {
  let config: SourcesConfig;
  let sources: SourceRegistry;
  let store: InstitutionsStore;
  let storeConfig: StoreConfig;
  const his = (): number =>
    sources
      .all()
      .filter((s) => s.config.kind !== 'registry')
      .reduce((n, s) => n + s.statements, 0);

  const ask = async (
    code: string,
    period: string,
    registry: SourceRegistry = sources,
    withStore: InstitutionsStore | undefined = store,
  ): Promise<MeasureValueData> => {
    const ctx = createInstitutionsContext({ sources: registry, ...(withStore ? { store: withStore } : {}) });
    const [v] = await computeMeasureValues(
      [
        {
          scopeKind: ScopeKind.REGION,
          scopeCode: code,
          period: parsePeriod(period),
          measure: 'VISITS_TOTAL',
        },
      ],
      ctx,
    );
    return v;
  };

  beforeAll(async () => {
    config = await buildFixture(engine, PREFIX);
    sources = new SourceRegistry(config, quietLogger());
    storeConfig = {
      url: await storeUrl(engine),
      from: '20180701',
      windowDays: 30,
      refreshMinutes: 0,
      verifyMonthsPerRun: 12,
      concurrencyPerSource: 1,
      fillChunkMonths: 3,
      refresh: false,
    };
    store = openInstitutionsStore(storeConfig, sources, quietLogger(), () => TODAY);
    const { started } = store.refresher.trigger({ trigger: 'ADMIN', facts: ['visits'] });
    expect(started).toBe(true);
    await store.refresher.idle();
  });
  afterAll(async () => {
    await store.close();
    await sources.close();
  });

  test('a run fills every HIS source up to yesterday, in chunks, and records how far', async () => {
    const run = store.refresher.lastRun()!;
    expect(run.failures).toEqual([]);
    expect([run.tasksTotal, run.tasksDone]).toEqual([3, 3]);
    // [2018-07-01, 2019-03-16) in 3-month pieces (3) and the window (1), per source.
    expect(run.piecesDone).toBe(12);
    const states = (await store.db.states()).filter((s) => s.fact === 'visits');
    expect(states.map((s) => [s.sourceId, s.storedFrom, s.storedTo]).sort()).toEqual([
      ['his-a-city', '20180701', TODAY],
      ['his-a-upgraded', '20180701', TODAY],
      ['his-b-county', '20180701', TODAY],
    ]);
    // Verification covered the days before the window and found nothing to redo.
    expect(run.daysVerified).toBe(3 * 258);
    expect(run.daysReaggregated).toBe(0);
  });

  test('a period the store holds wholly is answered without a statement to any HIS', async () => {
    const before = his();
    const v = await ask('610921', '2018H2');
    expect(his() - before).toBe(0);
    // H2's visit of 2018-12-31 23:59:59 only.
    expect(v.value).toBe(1);
    expect(v.complete).toBe(false); // U1 is open in 2018H2 and held by no source
    expect(v.sources.find((s) => s.id === 'his-b-county')?.storedThrough).toBe('2018-12-31');
  });

  test('batches asking the states and stored periods at once share one read of each', async () => {
    const { reader, db } = store;
    reader.invalidate();
    const before = db.statements;
    const asked = Date.now();
    const [a, b, c, d] = await Promise.all([
      reader.states(),
      reader.states(),
      reader.storedPeriods(),
      reader.storedPeriods(),
    ]);
    expect(db.statements - before).toBe(2);
    expect(a).toBe(b);
    expect(c).toBe(d);
    // The fill recorded a state per (fact, HIS source): visits of his-b-county among them.
    expect(a.get('visits|his-b-county')?.storedTo).toBeTruthy();
    // Within the time states are kept (2 s), no read at all: asked again at the instant of the
    // first asking (a clock of the test's own, so that a loaded machine's delay cannot expire them).
    const clock = jest.spyOn(Date, 'now').mockReturnValue(asked);
    try {
      await reader.states();
    } finally {
      clock.mockRestore();
    }
    expect(db.statements - before).toBe(2);
    // A reader asks for its subgraph's facts only; the database filters them in SQL.
    const every = await db.states();
    const visits = await db.states(['visits']);
    expect(visits.length).toBeGreaterThan(0);
    expect(visits).toEqual(every.filter((s) => s.fact === 'visits'));
    expect([...(await db.storedPeriods(['visits'])).keys()].every((k) => k.startsWith('visits|'))).toBe(true);
    expect(await db.states([])).toEqual([]);
  });

  test('a reader that fails on a row fails the read once the statement has ended; the store reads on', async () => {
    const { db } = store;
    const months = Array.from({ length: 12 }, (_, i) => `2019${String(i + 1).padStart(2, '0')}`);
    const parts = ['his-a-city', 'his-b-county'].map((sourceId) => ({ sourceId, months, partial: null }));
    const rows = await db.monthRows('visits', parts, null, { width: 4 });
    expect(rows.length).toBeGreaterThan(1);
    let seen = 0;
    await expect(
      db.eachMonthRow('visits', parts, null, { width: 4 }, () => {
        seen += 1;
        throw new Error('reader failed');
      }),
    ).rejects.toThrow('reader failed');
    // The first row failed; the others were still read off the connection, and not handed on.
    expect(seen).toBe(1);
    // Every connection of the pool is usable: as many reads at once as before, the same rows.
    const again = await Promise.all(
      Array.from({ length: 8 }, () => db.monthRows('visits', parts, null, { width: 4 })),
    );
    for (const list of again) expect(list).toEqual(rows);
  });

  test('the open tail after the store is read live: one statement per HIS, the same numbers as live', async () => {
    const before = his();
    const v = await ask('610900', '2019H1');
    expect(his() - before).toBe(3);
    expect(v.value).toBe(13);
    expect((await ask('610900', '2019H1', sources, undefined)).value).toBe(13);
    expect(v.sources.map((s) => [s.id, s.storedThrough])).toEqual([
      ['his-a-city', '2019-04-14'],
      ['his-a-upgraded', '2019-04-14'],
      ['his-b-county', '2019-04-14'],
    ]);
  });

  test('a source that is down: what the store holds still answers; its live tail is reported missing', async () => {
    const broken = new SourceRegistry(
      {
        sources: config.sources.map((s) =>
          s.id === 'his-b-county'
            ? {
                ...s,
                url:
                  engine === 'sqlite'
                    ? 'sqlite:/nonexistent/his_b.sqlite'
                    : `${MARIADB_ADMIN_URL}/hag_no_such_db`,
              }
            : s,
        ),
      },
      quietLogger(),
    );
    try {
      const stored = await ask('610921', '2018H2', broken);
      expect([stored.value, stored.sources.find((s) => s.id === 'his-b-county')?.status]).toEqual([1, 'OK']);
      const tail = await ask('610921', '2019H1', broken);
      expect(tail.sources.find((s) => s.id === 'his-b-county')?.status).toMatch(/UNREACHABLE|QUERY_FAILED/);
      expect(tail.missingInstitutions).toEqual([ORG.H2, ORG.P1].sort());
      // P2 2 + P3 1 answered; H2 and P1 are missing, not zero.
      expect([tail.value, tail.complete]).toEqual([3, false]);
    } finally {
      await broken.close();
    }
  });

  test('late records: the window is re-aggregated on every run, older days when verification finds a difference', async () => {
    const db = await legacy(engine, config, 'his-a-city');
    try {
      await db.query(INSERT_A, visitA('L1', ORG.H1, '20181010080000'));
      await db.query(INSERT_A, visitA('L2', ORG.P4, '20190401090000'));
      // Until the next run the store still holds what it read.
      expect((await ask('610902', '2018H2')).value).toBe(0);
      expect((await ask('610902', '2019H1')).value).toBe(5);
      store.refresher.trigger({ trigger: 'ADMIN', facts: ['visits'], sourceIds: ['his-a-city'] });
      await store.refresher.idle();
      const run = store.refresher.lastRun()!;
      expect(run.failures).toEqual([]);
      expect(run.daysReaggregated).toBe(1);
      expect((await ask('610902', '2018H2')).value).toBe(1);
      expect((await ask('610902', '2019H1')).value).toBe(6);
    } finally {
      await db.query("DELETE FROM MZ_GHXX WHERE GHXH IN ('L1', 'L2')");
      await db.destroy();
    }
  });

  test('a charge corrected after the window: verification finds the day by its fee total alone', async () => {
    const refresh = async (): Promise<number> => {
      store.refresher.trigger({ trigger: 'ADMIN', facts: ['visits'], sourceIds: ['his-a-city'] });
      await store.refresher.idle();
      expect(store.refresher.lastRun()!.failures).toEqual([]);
      return store.refresher.lastRun()!.daysReaggregated;
    };
    const day = { from: '20190110', to: '20190111' };
    // feeTotal is the 4th stored field of visits; A1 (H1, 2019-01-10) is that day's one visit, ZFY 50.
    const fee = async (): Promise<number | undefined> =>
      (await store.db.totals('visits', 'DAY', 'his-a-city', day)).get('20190110')?.[3];
    await refresh(); // settles what the previous test changed
    expect(await fee()).toBe(50);
    const db = await legacy(engine, config, 'his-a-city');
    try {
      await db.query("UPDATE MZ_GHXX SET ZFY = 80 WHERE GHXH = 'A1'");
      expect(await refresh()).toBe(1);
      expect(await fee()).toBe(80);
    } finally {
      await db.query("UPDATE MZ_GHXX SET ZFY = 50 WHERE GHXH = 'A1'");
      await db.destroy();
    }
    expect(await refresh()).toBe(1);
    expect(await fee()).toBe(50);
  });

  test('a rebuild forgets and fills again; a store that cannot be read falls back to live', async () => {
    store.refresher.trigger({ trigger: 'ADMIN', facts: ['visits'], rebuild: true });
    await store.refresher.idle();
    expect((await ask('610902', '2018H2')).value).toBe(0);
    expect((await ask('610902', '2019H1')).value).toBe(5);
    const unreadable = openInstitutionsStore(
      {
        ...storeConfig,
        // Under a regular file: no folder can be made there. On MariaDB: a database that does not exist.
        url: engine === 'sqlite' ? `sqlite:${__filename}/store.sqlite` : `${MARIADB_ADMIN_URL}/hag_no_store`,
      },
      sources,
      quietLogger(),
    );
    try {
      const v = await ask('610900', '2019H1', sources, unreadable);
      expect([v.value, v.sources.every((s) => s.storedThrough === null)]).toEqual([13, true]);
    } finally {
      await unreadable.close();
    }
  });
});
