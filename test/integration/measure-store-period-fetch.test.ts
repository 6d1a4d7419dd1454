import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceRegistry } from '../../adapters';
import type { SqlSource } from '../../adapters/sql/source';
import { parsePeriod } from '../../schema/period';
import { StoreDatabase } from '../../subgraphs/common/store/database';
import type { OpenedStore } from '../../subgraphs/common/store/open';
import { fetchPeriods } from '../../subgraphs/common/store/period-fetch';
import { definePeriodFact, toPeriodStored } from '../../subgraphs/common/store/period-spec';

/**
 * fetchPeriods reads a per-period fact back for the scope codes asked. A few codes are filtered in
 * the store's SQL; a province's institutions (more than 5,000 codes) are filtered as rows arrive.
 * Either way the answer is the rows of the codes asked. A flow is stored under both its ends and
 * read back once. Hand-made rows of 2019, source s1:
 *
 *   from  to  n
 *   A     B   1    (stored under A and under B)
 *   B     C   2    (under B and C)
 *   D     D   4    (under D)
 */
interface Flow {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly n: number;
}

const spec = definePeriodFact<Flow>({
  name: 'flows',
  grain: 'PERIOD',
  fields: ['n'],
  codeField: 'from',
  otherCodeField: 'to',
  kinds: ['hrm'],
  fetch: () => Promise.reject(new Error('every period asked is stored: nothing is read live')),
});

const FLOWS: Flow[] = [
  { period: '2019', from: 'A', to: 'B', n: 1 },
  { period: '2019', from: 'B', to: 'C', n: 2 },
  { period: '2019', from: 'D', to: 'D', n: 4 },
];

describe('per-period facts read back for many scope codes (sqlite)', () => {
  let db: StoreDatabase;
  const source = { id: 's1', kind: 'hrm' } as unknown as SqlSource;
  const sources = {
    logger: { warn: (): void => undefined },
    fanOut: <T>(targets: readonly SqlSource[], call: (s: SqlSource) => Promise<T>) =>
      Promise.all(targets.map(async (s) => ({ ok: true as const, source: s, value: await call(s) }))),
  } as unknown as SourceRegistry;

  beforeAll(async () => {
    db = new StoreDatabase(
      `sqlite:${join(mkdtempSync(join(tmpdir(), 'hag-period-fetch-')), 'store.sqlite')}`,
    );
    await db.replacePeriods(
      'flows',
      's1',
      ['2019'],
      FLOWS.flatMap((f) => toPeriodStored(spec, f)),
      {
        storedFrom: '20190101',
        storedTo: '20200101',
        verifiedTo: null,
        refreshedAt: null,
        verifiedAt: null,
        lastError: null,
      },
    );
  });
  afterAll(async () => {
    await db.close();
  });

  /** The flows fetched for `codes`, as `from>to n`, sorted. */
  const flows = async (codes: readonly string[]): Promise<string[]> => {
    const store = { db, reader: { storedPeriods: () => db.storedPeriods() } } as unknown as OpenedStore;
    const { outcomes, stored } = await fetchPeriods({
      store,
      spec,
      sources,
      targets: [source],
      periods: [parsePeriod('2019')],
      codes,
    });
    expect(stored.get('s1')).toEqual(['2019']);
    return outcomes
      .flatMap((o) => (o.ok ? o.value : []))
      .map((f) => `${f.from}>${f.to} ${f.n}`)
      .sort();
  };

  test('a few codes: filtered in SQL, each flow once', async () => {
    expect(await flows(['B'])).toEqual(['A>B 1', 'B>C 2']);
    expect(await flows(['A', 'C'])).toEqual(['A>B 1', 'B>C 2']);
    expect(await flows(['D'])).toEqual(['D>D 4']);
  });

  test('more than 5,000 codes: the same rows, filtered as they are read', async () => {
    const unknown = Array.from({ length: 6000 }, (_, i) => `X${i}`);
    expect(await flows([...unknown, 'B'])).toEqual(['A>B 1', 'B>C 2']);
    expect(await flows([...unknown, 'D'])).toEqual(['D>D 4']);
    expect(await flows(unknown)).toEqual([]);
  });
});
