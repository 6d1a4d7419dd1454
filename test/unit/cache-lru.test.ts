import { ScopeKind } from '../../subgraphs/common/measures';
import type { MeasureValueData } from '../../subgraphs/common/measures';
import { LruMeasureCache } from '../../subgraphs/indicators/cache';

const value = (v: number): MeasureValueData => ({
  scopeKind: ScopeKind.REGION,
  scopeCode: '610921',
  period: '2019H1',
  measure: 'VISITS_TOTAL',
  value: v,
  complete: true,
  sources: [{ id: 'his', kind: 'HIS', status: 'OK', institutions: 2 }],
  missingInstitutions: [],
  uncoveredInstitutions: 0,
  error: null,
});

describe('in-process LRU measure cache', () => {
  test('an entry lives exactly its TTL on the injected clock', async () => {
    let now = 1_000;
    const cache = new LruMeasureCache({ ttlMs: 500, now: () => now });
    await cache.setMany([['a', value(1)]]);
    expect(await cache.getMany(['a', 'b'])).toEqual([value(1), undefined]);
    now = 1_499;
    expect(await cache.getMany(['a'])).toEqual([value(1)]);
    now = 1_500;
    expect(await cache.getMany(['a'])).toEqual([undefined]);
    expect(cache.size).toBe(0);
  });

  test('bounded by entries: the least recently used goes first', async () => {
    const cache = new LruMeasureCache({ maxEntries: 2 });
    await cache.setMany([
      ['a', value(1)],
      ['b', value(2)],
    ]);
    expect(await cache.getMany(['a'])).toEqual([value(1)]);
    await cache.setMany([['c', value(3)]]);
    expect(await cache.getMany(['a', 'b', 'c'])).toEqual([value(1), undefined, value(3)]);
    expect(cache.size).toBe(2);
  });

  test('close empties it', async () => {
    const cache = new LruMeasureCache();
    await cache.setMany([['a', value(1)]]);
    await cache.close();
    expect(await cache.getMany(['a'])).toEqual([undefined]);
  });
});
