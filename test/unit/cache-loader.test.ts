import { ScopeKind } from '../../subgraphs/common/measures';
import type { MeasureRequest, MeasureValueData } from '../../subgraphs/common/measures';
import { cacheHitRatio } from '../../subgraphs/common/metrics';
import { LruMeasureCache } from '../../subgraphs/indicators/cache';
import { createMeasureLoader, MeasureDirectory } from '../../subgraphs/indicators/measure-client';
import type { SubgraphEndpoint } from '../../subgraphs/indicators/measure-client';
import { buildPrincipal } from '../../security/principal';
import type { Principal } from '../../security/principal';

const OWNER: SubgraphEndpoint = { name: 'institutions', url: 'http://unused.invalid/graphql' };

/** A directory whose single owner answers from a function, recording what it was asked. */
class FakeDirectory extends MeasureDirectory {
  readonly asked: string[][] = [];
  constructor(private readonly answer: (r: MeasureRequest) => MeasureValueData) {
    super([OWNER], 'secret');
  }
  override ownerMap(): Promise<Map<string, SubgraphEndpoint>> {
    return Promise.resolve(new Map([['VISITS', OWNER]]));
  }
  override values(_e: SubgraphEndpoint, requests: readonly MeasureRequest[], _p: Principal) {
    this.asked.push(requests.map((r) => `${r.scopeCode}|${r.period}`));
    return Promise.resolve(requests.map(this.answer));
  }
}

const req = (scopeCode: string, period: string): MeasureRequest => ({
  scopeKind: ScopeKind.REGION,
  scopeCode,
  period,
  measure: 'VISITS',
});
const answer = (r: MeasureRequest): MeasureValueData => ({
  ...r,
  value: r.scopeCode === 'FORBIDDEN' ? null : 10,
  complete: r.scopeCode !== 'PARTIAL',
  sources: [],
  // Partial: an institution whose source did not answer.
  missingInstitutions: r.scopeCode === 'PARTIAL' ? ['12610921MB0000101A'] : [],
  uncoveredInstitutions: 0,
  error: r.scopeCode === 'FORBIDDEN' ? 'FORBIDDEN' : null,
});

const national = buildPrincipal({ id: 'national', kind: 'NATIONAL' });
const city = buildPrincipal({ id: '610900', kind: 'CITY' });
const today = () => '20200115';

describe('the measure loader with a result cache', () => {
  test('closed periods are asked once per principal; open periods, partial answers and FORBIDDEN every time', async () => {
    const directory = new FakeDirectory(answer);
    const cache = new LruMeasureCache();
    const load = async (principal: Principal) => {
      const loader = createMeasureLoader(directory, principal, { cache, today });
      return Promise.allSettled(
        [
          req('610921', '2019'),
          req('610921', '2020-01'),
          req('PARTIAL', '2019'),
          req('FORBIDDEN', '2019'),
        ].map((r) => loader.load(r)),
      );
    };
    const first = await load(national);
    expect(directory.asked).toEqual([['610921|2019', '610921|2020-01', 'PARTIAL|2019', 'FORBIDDEN|2019']]);
    const second = await load(national);
    expect(directory.asked[1]).toEqual(['610921|2020-01', 'PARTIAL|2019', 'FORBIDDEN|2019']);
    expect(second.map((s) => s.status)).toEqual(first.map((s) => s.status));
    expect(second[0]).toEqual(first[0]);
    expect(second[3]).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'FORBIDDEN' } } });
    await load(city);
    expect(directory.asked[2]).toEqual(['610921|2019', '610921|2020-01', 'PARTIAL|2019', 'FORBIDDEN|2019']);
    expect(cache.size).toBe(2);
    // Closed triples looked up: 3 misses, then 1 hit and 2 misses, then 3 misses for the city.
    expect(cacheHitRatio()).toBe(1 / 9);
  });

  test('everything cached: no owner is asked at all', async () => {
    const directory = new FakeDirectory(answer);
    const cache = new LruMeasureCache();
    await createMeasureLoader(directory, national, { cache, today }).load(req('610921', '2019'));
    const value = await createMeasureLoader(directory, national, { cache, today }).load(
      req('610921', '2019'),
    );
    expect(value).toEqual(answer(req('610921', '2019')));
    expect(directory.asked).toHaveLength(1);
  });

  test('without a cache every load is live', async () => {
    const directory = new FakeDirectory(answer);
    await createMeasureLoader(directory, national).load(req('610921', '2019'));
    await createMeasureLoader(directory, national).load(req('610921', '2019'));
    expect(directory.asked).toHaveLength(2);
  });
});
